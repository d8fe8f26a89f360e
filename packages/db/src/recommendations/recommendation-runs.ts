import { sql } from 'kysely'
import type { Db } from '../client'
import { toJson } from '../json'

/** Which list: `product` (subject = product id), `user` (subject = user id) or `popular` (subject = `all` or a category path). */
export type RecommendationListKind = 'product' | 'user' | 'popular'

/** Names one precomputed list. */
export interface RecommendationListKey {
  kind: RecommendationListKind
  subjectId: string
  algorithm: string
}

/** A ranked item of a stored list. */
export interface StoredRecommendation {
  itemId: string
  score: number
}

/** One list to store under a run. */
export interface RecommendationList extends RecommendationListKey {
  items: StoredRecommendation[]
}

/** Registers a run of `channel` (idempotent: a retried start keeps the first row). */
export async function startRecommendationRun(
  db: Db,
  runId: string,
  channel: string,
): Promise<void> {
  await db
    .insertInto('recommendation_runs')
    .values({ id: runId, channel })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute()
}

/**
 * Stores one batch of history read by a run. Reading the same batch again (a retried activity that
 * lost its progress) replaces it and bumps `processed_count`, so nothing is counted twice.
 */
export async function saveRunBatch(
  db: Db,
  batch: {
    runId: string
    source: 'purchase' | 'view'
    seq: number
    cursorAfter: string
    interactions: unknown[]
  },
): Promise<void> {
  await db
    .insertInto('recommendation_run_batches')
    .values({
      run_id: batch.runId,
      source: batch.source,
      seq: batch.seq,
      cursor_after: batch.cursorAfter,
      interactions: toJson(batch.interactions),
    })
    .onConflict((oc) =>
      oc.columns(['run_id', 'source', 'seq']).doUpdateSet((eb) => ({
        cursor_after: eb.ref('excluded.cursor_after'),
        interactions: eb.ref('excluded.interactions'),
        processed_count: sql<number>`recommendation_run_batches.processed_count + 1`,
      })),
    )
    .execute()
}

/** The batches a run has read, in reading order. */
export async function loadRunBatches(db: Db, runId: string) {
  return db
    .selectFrom('recommendation_run_batches')
    .select(['source', 'seq', 'cursor_after', 'interactions', 'processed_count'])
    .where('run_id', '=', runId)
    .orderBy('source', 'desc') // purchases were read first
    .orderBy('seq')
    .execute()
}

/** Writes lists under a run (idempotent per list); nobody serves them until the run is published. */
export async function writeRecommendationLists(
  db: Db,
  runId: string,
  lists: readonly RecommendationList[],
): Promise<void> {
  if (lists.length === 0) return
  await db
    .insertInto('recommendations')
    .values(
      lists.map((list) => ({
        run_id: runId,
        kind: list.kind,
        subject_id: list.subjectId,
        algorithm: list.algorithm,
        items: toJson(list.items),
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['run_id', 'kind', 'subject_id', 'algorithm'])
        .doUpdateSet((eb) => ({ items: eb.ref('excluded.items') })),
    )
    .execute()
}

/**
 * Makes `runId` the run `channel` serves, in one transaction: readers see the old run's lists or
 * the new run's, never a mix. The previous run is kept (readers that started on it finish on it);
 * lists and batches of older runs are deleted. Publishing the current run again is a no-op.
 */
export async function publishRecommendationRun(
  db: Db,
  channel: string,
  runId: string,
): Promise<{ previousRunId: string | null }> {
  return db.transaction().execute(async (trx) => {
    const lists = await trx
      .selectFrom('recommendations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow()
    const existing = await trx
      .selectFrom('recommendation_channels')
      .select(['current_run_id', 'previous_run_id'])
      .where('channel', '=', channel)
      .forUpdate()
      .executeTakeFirst()
    if (existing?.current_run_id === runId) return { previousRunId: existing.previous_run_id }
    const previousRunId = existing?.current_run_id ?? null
    await trx
      .updateTable('recommendation_runs')
      .set({ status: 'published', published_at: new Date(), lists: Number(lists.n) })
      .where('id', '=', runId)
      .execute()
    await trx
      .insertInto('recommendation_channels')
      .values({ channel, current_run_id: runId, previous_run_id: previousRunId })
      .onConflict((oc) =>
        oc.column('channel').doUpdateSet({
          current_run_id: runId,
          previous_run_id: previousRunId,
          updated_at: new Date(),
        }),
      )
      .execute()
    // Older published runs, and runs that never finished (a failed job) once they are a day old.
    const stale = trx
      .selectFrom('recommendation_runs')
      .select('id')
      .where('channel', '=', channel)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'published'),
          eb('started_at', '<', sql<Date>`now() - interval '1 day'`),
        ]),
      )
      .where('id', 'not in', previousRunId === null ? [runId] : [runId, previousRunId])
    await trx.deleteFrom('recommendations').where('run_id', 'in', stale).execute()
    await trx.deleteFrom('recommendation_run_batches').where('run_id', 'in', stale).execute()
    return { previousRunId }
  })
}

/** The run `channel` serves now, or null before its first run. */
export async function currentRecommendationRun(db: Db, channel: string): Promise<string | null> {
  const row = await db
    .selectFrom('recommendation_channels')
    .select('current_run_id')
    .where('channel', '=', channel)
    .executeTakeFirst()
  return row?.current_run_id ?? null
}

/** Lists of the run `channel` serves, read in one statement so all come from the same run. */
export async function readServedLists(
  db: Db,
  channel: string,
  keys: readonly RecommendationListKey[],
): Promise<{ runId: string | null; lists: RecommendationList[] }> {
  if (keys.length === 0) return { runId: await currentRecommendationRun(db, channel), lists: [] }
  const rows = await db
    .selectFrom('recommendation_channels as ch')
    .leftJoin('recommendations as r', (join) =>
      join
        .onRef('r.run_id', '=', 'ch.current_run_id')
        .on((eb) =>
          eb.or(
            keys.map((k) =>
              eb.and([
                eb('r.kind', '=', k.kind),
                eb('r.subject_id', '=', k.subjectId),
                eb('r.algorithm', '=', k.algorithm),
              ]),
            ),
          ),
        ),
    )
    .select(['ch.current_run_id', 'r.kind', 'r.subject_id', 'r.algorithm', 'r.items'])
    .where('ch.channel', '=', channel)
    .execute()
  const runId = rows[0]?.current_run_id ?? null
  const lists = rows.flatMap((r) =>
    r.kind === null || r.subject_id === null || r.algorithm === null
      ? []
      : [
          {
            kind: r.kind as RecommendationListKind,
            subjectId: r.subject_id,
            algorithm: r.algorithm,
            items: (r.items ?? []) as StoredRecommendation[],
          },
        ],
  )
  return { runId, lists }
}
