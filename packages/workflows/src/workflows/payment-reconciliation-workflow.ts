import { proxyActivities } from '@temporalio/workflow'
import type {
  PaymentReconciliationActivities,
  PaymentReconciliationInput,
  PaymentReconciliationResult,
  ReconcileBatchCursor,
  ReconcileBatchResult,
} from '../payment-reconciliation'

// A gateway outage (or its open circuit) makes a batch fail; it is retried with back-off and,
// failing that, the next scheduled sweep covers the same window again.
const { reconcilePaymentBatch } = proxyActivities<PaymentReconciliationActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumAttempts: 5 },
})

/**
 * Compares recent payments with the gateway, batch by batch: a payment the gateway reports as
 * succeeded whose order is not paid is handed to its running checkout (or flagged when the checkout
 * has ended), and an order marked paid without a succeeded payment is flagged.
 */
export async function paymentReconciliationWorkflow(
  input: PaymentReconciliationInput,
): Promise<PaymentReconciliationResult> {
  // Date.now() is the workflow task's time, replayed from history: deterministic.
  const now = Date.now()
  const window = { sinceMs: now - input.lookbackMs, untilMs: now - input.minAgeMs }
  const total: PaymentReconciliationResult = {
    checked: 0,
    signalled: 0,
    flagged: 0,
    refunded: 0,
    resolved: 0,
    batches: 0,
  }
  let after: ReconcileBatchCursor | null = null
  while (total.batches < input.maxBatches) {
    const batch: ReconcileBatchResult = await reconcilePaymentBatch({
      ...window,
      limit: input.batchSize,
      after,
      ...(input.orderIds ? { orderIds: input.orderIds } : {}),
    })
    total.batches += 1
    total.checked += batch.checked
    total.signalled += batch.signalled
    total.flagged += batch.flagged
    // Batches recorded before the sweep refunded anything carry no count.
    total.refunded += batch.refunded ?? 0
    total.resolved += batch.resolved
    if (!batch.next) break
    after = batch.next
  }
  return total
}
