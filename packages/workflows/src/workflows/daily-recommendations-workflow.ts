import { proxyActivities, workflowInfo } from '@temporalio/workflow'
import type {
  DailyRecommendationsInput,
  DailyRecommendationsResult,
  RecommendationActivities,
} from '../daily-recommendations'

const { startRecommendationRun, computeRecommendations, publishRecommendations } =
  proxyActivities<RecommendationActivities>({
    startToCloseTimeout: '30 minutes',
    heartbeatTimeout: '2 minutes',
    retry: { maximumAttempts: 5 },
  })

/**
 * Computes every recommendation list from purchase and view history and swaps the new set in at
 * once: history is read in heartbeated batches (a restarted worker resumes after the last finished
 * batch), lists are written under this run's id, then published in one step.
 */
export async function dailyRecommendationsWorkflow(
  input: DailyRecommendationsInput,
): Promise<DailyRecommendationsResult> {
  const { collectRecommendationHistory } = proxyActivities<RecommendationActivities>({
    startToCloseTimeout: '2 hours',
    heartbeatTimeout: input.heartbeatTimeout ?? '1 minute',
    retry: { maximumAttempts: 10, initialInterval: '1 second' },
  })
  const runId = workflowInfo().runId
  await startRecommendationRun({ runId, channel: input.channel })
  const history = await collectRecommendationHistory({
    runId,
    batchSize: input.batchSize,
    pauseBetweenBatchesMs: input.pauseBetweenBatchesMs,
  })
  const { lists } = await computeRecommendations({
    runId,
    channel: input.channel,
    listSize: input.listSize,
    currency: input.currency,
  })
  const { previousRunId } = await publishRecommendations({ runId, channel: input.channel })
  return { runId, ...history, lists, previousRunId }
}
