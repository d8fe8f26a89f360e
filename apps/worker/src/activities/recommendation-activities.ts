import {
  loadProductMeta,
  loadRunBatches,
  publishRecommendationRun,
  readPurchaseBatch,
  readViewBatch,
  saveRunBatch,
  startRecommendationRun,
  writeRecommendationLists,
  type HistoryRow,
  type RecommendationList,
} from '@emporium/db'
import {
  buildPrecomputedLists,
  type Interaction,
  type RecommenderSettings,
} from '@emporium/domain/recommendations'
import { swapServedRun, writeRunLists } from '@emporium/infra'
import type { HistoryCursor, RecommendationActivities } from '@emporium/workflows'
import { Context } from '@temporalio/activity'
import type { WorkerDeps } from '../deps'

/** Lists written per statement (and per heartbeat). */
const WRITE_CHUNK = 500

const toInteraction = (source: HistoryCursor['source']) => (row: HistoryRow) => ({
  userId: row.userId,
  itemId: row.productId,
  at: row.at,
  kind: source,
  ...(row.orderId !== undefined ? { basketId: row.orderId } : {}),
})

/** Activities of dailyRecommendationsWorkflow, over the database and the Redis serving copy. */
export function createRecommendationActivities(
  { db, redis, logger }: Pick<WorkerDeps, 'db' | 'redis' | 'logger'>,
  settings: RecommenderSettings = {},
): RecommendationActivities {
  return {
    async startRecommendationRun({ runId, channel }) {
      await startRecommendationRun(db, runId, channel)
    },

    async collectRecommendationHistory({ runId, batchSize, pauseBetweenBatchesMs = 0 }) {
      const ctx = Context.current()
      // A retry (the previous worker died or timed out) resumes after the last batch it heartbeated.
      const resumed = ctx.info.heartbeatDetails as HistoryCursor | undefined
      let cursor: HistoryCursor = resumed ?? { source: 'purchase', afterId: 0, seq: 0 }
      if (resumed)
        logger.info({ runId, cursor, attempt: ctx.info.attempt }, 'resuming recommendation history')
      for (;;) {
        if (ctx.cancellationSignal.aborted) throw ctx.cancellationSignal.reason
        const rows =
          cursor.source === 'purchase'
            ? await readPurchaseBatch(db, cursor.afterId, batchSize)
            : await readViewBatch(db, cursor.afterId, batchSize)
        const last = rows.at(-1)
        if (!last) {
          if (cursor.source === 'view') break
          cursor = { source: 'view', afterId: 0, seq: 0 }
          ctx.heartbeat(cursor)
          continue
        }
        await saveRunBatch(db, {
          runId,
          source: cursor.source,
          seq: cursor.seq,
          cursorAfter: String(last.id),
          interactions: rows.map(toInteraction(cursor.source)),
        })
        cursor = { source: cursor.source, afterId: last.id, seq: cursor.seq + 1 }
        ctx.heartbeat(cursor)
        if (pauseBetweenBatchesMs > 0) await ctx.sleep(pauseBetweenBatchesMs)
      }
      const batches = await loadRunBatches(db, runId)
      return {
        batches: batches.length,
        interactions: batches.reduce((sum, b) => sum + b.interactions.length, 0),
      }
    },

    async computeRecommendations({ runId, channel, listSize, currency }) {
      const ctx = Context.current()
      const batches = await loadRunBatches(db, runId)
      const items = await loadProductMeta(db, currency)
      ctx.heartbeat('trained')
      const lists: RecommendationList[] = buildPrecomputedLists(
        batches.flatMap((b) => b.interactions as Interaction[]),
        items,
        { ...settings, listSize, now: Date.now() },
      )
      for (let i = 0; i < lists.length; i += WRITE_CHUNK) {
        await writeRecommendationLists(db, runId, lists.slice(i, i + WRITE_CHUNK))
        ctx.heartbeat(`postgres ${i}`)
      }
      await writeRunLists(redis, channel, runId, lists)
      logger.info({ runId, channel, lists: lists.length }, 'recommendation lists computed')
      return { lists: lists.length }
    },

    async publishRecommendations({ runId, channel }) {
      const published = await publishRecommendationRun(db, channel, runId)
      await swapServedRun(redis, channel, runId)
      logger.info({ runId, channel, ...published }, 'recommendation run published')
      return published
    },
  }
}
