// Records the replay fixture of dailyRecommendationsWorkflow for record-histories: one run on a
// channel of its own (the shop's served lists are left alone), in small history batches.
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import type { Logger, TemporalClient } from '@emporium/infra'
import { WORKFLOW_TYPES } from '@emporium/workflows'
import type { dailyRecommendationsWorkflow } from '@emporium/workflows/workflows'
import { historiesDir, historyToFixture } from '../replay/history-fixtures'

export const RECOMMENDATION_FIXTURES = ['daily-recommendations-workflow'] as const

/** Runs the recommendation job once and stores its history (when wanted). */
export async function recordRecommendationHistories(options: {
  client: TemporalClient
  logger: Logger
  taskQueue: string
  wanted: (fixture: string) => boolean
}): Promise<void> {
  const { client, logger, taskQueue } = options
  if (!options.wanted('daily-recommendations-workflow')) return
  const handle = await client.workflow.start<typeof dailyRecommendationsWorkflow>(
    WORKFLOW_TYPES.dailyRecommendations,
    {
      taskQueue,
      workflowId: `history-${randomUUID()}`,
      args: [{ channel: `history-${randomUUID()}`, batchSize: 500, listSize: 10, currency: 'USD' }],
    },
  )
  await handle.result()
  const file = new URL('daily-recommendations-workflow.json', historiesDir)
  await writeFile(file, historyToFixture(await handle.fetchHistory()))
  logger.info({ workflowId: handle.workflowId, file: file.pathname }, 'history recorded')
}
