import { proxyActivities } from '@temporalio/workflow'
import type {
  InventoryActivities,
  ReleaseExpiredReservationsInput,
  ReleaseExpiredReservationsResult,
} from '../release-expired-reservations'

const { releaseExpiredReservations } = proxyActivities<InventoryActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 5 },
})

/** Releases expired reservations batch by batch until caught up (or `maxBatches` is reached). */
export async function releaseExpiredReservationsWorkflow(
  input: ReleaseExpiredReservationsInput,
): Promise<ReleaseExpiredReservationsResult> {
  let released = 0
  let batches = 0
  while (batches < input.maxBatches) {
    const count = await releaseExpiredReservations({ limit: input.batchSize })
    released += count
    batches += 1
    if (count < input.batchSize) break
  }
  return { released, batches }
}
