import {
  readServedLists as readServedListsFromDb,
  type Db,
  type RecommendationList,
  type RecommendationListKey,
  type StoredRecommendation,
} from '@emporium/db'
import type { Redis } from '../redis'

// A run's lists live in one hash; the channel's pointer key names the hash being served. The
// `complete` field is written last, so a hash without it (evicted, or still being written) is
// never served: readers then take the same run from Postgres.
const pointerKey = (channel: string) => `recs:${channel}:current`
const runKey = (channel: string, runId: string) => `recs:${channel}:run:${runId}`
const COMPLETE_FIELD = '__complete'
const field = (key: RecommendationListKey) => `${key.kind}|${key.subjectId}|${key.algorithm}`

/** An unpublished run's hash disappears on its own if the run never finishes. */
const UNPUBLISHED_TTL_S = 3 * 24 * 3600
/** How long a replaced run stays readable, so a reader that started on it finishes on it. */
export const REPLACED_RUN_GRACE_S = 15 * 60

/** Writes a run's lists to Redis beside the served run (idempotent); nothing reads them until `swapServedRun`. */
export async function writeRunLists(
  redis: Redis,
  channel: string,
  runId: string,
  lists: readonly RecommendationList[],
  chunk = 500,
): Promise<void> {
  const key = runKey(channel, runId)
  for (let i = 0; i < lists.length; i += chunk) {
    const fields: Record<string, string> = {}
    for (const list of lists.slice(i, i + chunk)) fields[field(list)] = JSON.stringify(list.items)
    await redis.multi().hset(key, fields).expire(key, UNPUBLISHED_TTL_S).exec()
  }
  await redis
    .multi()
    .hset(key, COMPLETE_FIELD, String(lists.length))
    .expire(key, UNPUBLISHED_TTL_S)
    .exec()
}

/** Points `channel` at `runId` in one MULTI; the replaced run expires after a grace period. */
export async function swapServedRun(redis: Redis, channel: string, runId: string): Promise<void> {
  const previous = await redis.get(pointerKey(channel))
  const tx = redis.multi().set(pointerKey(channel), runId).persist(runKey(channel, runId))
  if (previous !== null && previous !== runId)
    tx.expire(runKey(channel, previous), REPLACED_RUN_GRACE_S)
  const results = await tx.exec()
  const failed = results?.find(([error]) => error !== null)
  if (!results || failed)
    throw new Error(`Could not swap the served recommendations of ${channel}`, {
      cause: failed?.[0],
    })
}

/**
 * The lists named by `keys` from the run `channel` serves, all from the same run: from Redis when
 * its copy is complete, else from Postgres. Lists the run lacks are absent from the map.
 */
export async function readServedLists(
  redis: Redis,
  db: Db,
  channel: string,
  keys: readonly RecommendationListKey[],
): Promise<{ runId: string | null; lists: Map<string, StoredRecommendation[]> }> {
  const runId = await redis.get(pointerKey(channel))
  if (runId !== null) {
    const values = await redis.hmget(runKey(channel, runId), COMPLETE_FIELD, ...keys.map(field))
    if (values[0] !== null && values[0] !== undefined) {
      const lists = new Map<string, StoredRecommendation[]>()
      keys.forEach((key, index) => {
        const raw = values[index + 1]
        if (raw !== null && raw !== undefined)
          lists.set(field(key), JSON.parse(raw) as StoredRecommendation[])
      })
      return { runId, lists }
    }
  }
  const fromDb = await readServedListsFromDb(db, channel, keys)
  return { runId: fromDb.runId, lists: new Map(fromDb.lists.map((l) => [field(l), l.items])) }
}

/** The map key `readServedLists` files a list under. */
export const servedListKey = field
