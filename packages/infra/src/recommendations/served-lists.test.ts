import { randomUUID } from 'node:crypto'
import {
  publishRecommendationRun,
  readServedLists as readServedListsFromDb,
  startRecommendationRun,
  writeRecommendationLists,
  type Db,
  type RecommendationList,
} from '@emporium/db'
import { createTestDb } from '@emporium/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRedis } from '../redis'
import { testConfig } from '../testing'
import { readServedLists, swapServedRun, writeRunLists } from './served-lists'

const SUBJECTS = 300

/** Every list of a run carries the run's marker as its only item, so a mixed read is visible. */
function runLists(marker: string): RecommendationList[] {
  return Array.from({ length: SUBJECTS }, (_, i) => ({
    kind: 'product' as const,
    subjectId: `subject-${i}`,
    algorithm: 'hybrid',
    items: [{ itemId: marker, score: 1 }],
  }))
}

describe('served recommendation lists swap atomically per run', () => {
  const redis = createRedis(testConfig())
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
  })
  afterAll(async () => {
    await redis.quit()
    await db.destroy()
  })

  /** Writes a run in small chunks to Postgres and Redis (yielding between them), then publishes it. */
  async function writeAndPublish(channel: string, runId: string, marker: string) {
    await startRecommendationRun(db, runId, channel)
    const lists = runLists(marker)
    for (let i = 0; i < lists.length; i += 20) {
      await writeRecommendationLists(db, runId, lists.slice(i, i + 20))
      await writeRunLists(redis, channel, runId, lists.slice(0, i + 20), 20)
    }
    await publishRecommendationRun(db, channel, runId)
    await swapServedRun(redis, channel, runId)
  }

  it('a reader during a run sees the whole old set or the whole new set, never a mix, from Redis and from Postgres', async () => {
    const channel = `test-${randomUUID()}`
    await writeAndPublish(channel, randomUUID(), 'old')
    const keys = runLists('').map(({ kind, subjectId, algorithm }) => ({
      kind,
      subjectId,
      algorithm,
    }))

    const seen: { source: string; markers: string[] }[] = []
    let writing = true
    const reader = async (source: 'redis' | 'postgres') => {
      while (writing) {
        const markers =
          source === 'redis'
            ? [...(await readServedLists(redis, db, channel, keys)).lists.values()].map(
                (items) => items[0]?.itemId ?? '',
              )
            : (await readServedListsFromDb(db, channel, keys)).lists.map(
                (list) => list.items[0]?.itemId ?? '',
              )
        seen.push({ source, markers })
      }
    }
    const readers = [reader('redis'), reader('postgres')]
    await writeAndPublish(channel, randomUUID(), 'new')
    // Keep reading a little after the swap so both readers see the new set too.
    await new Promise((resolve) => setTimeout(resolve, 200))
    writing = false
    await Promise.all(readers)

    for (const read of seen) {
      expect(read.markers).toHaveLength(SUBJECTS)
      expect(new Set(read.markers).size).toBe(1)
    }
    for (const source of ['redis', 'postgres']) {
      const markers = seen.filter((r) => r.source === source).map((r) => r.markers[0])
      expect(markers[0]).toBe('old')
      expect(markers.at(-1)).toBe('new')
      // Once the new set is served, the old one never comes back.
      expect(markers.slice(markers.indexOf('new'))).not.toContain('old')
    }
  })
})
