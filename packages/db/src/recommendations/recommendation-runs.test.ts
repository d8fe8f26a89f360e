import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client'
import { createTestDb } from '../testing'
import {
  currentRecommendationRun,
  publishRecommendationRun,
  readServedLists,
  startRecommendationRun,
  writeRecommendationLists,
} from './recommendation-runs'

describe('recommendation runs', () => {
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
  })
  afterAll(async () => {
    await db.destroy()
  })

  const key = { kind: 'popular', subjectId: 'all', algorithm: 'popularity' } as const
  async function run(channel: string, marker: string, startedAt?: Date) {
    const runId = randomUUID()
    await startRecommendationRun(db, runId, channel)
    if (startedAt)
      await db
        .updateTable('recommendation_runs')
        .set({ started_at: startedAt })
        .where('id', '=', runId)
        .execute()
    await writeRecommendationLists(db, runId, [{ ...key, items: [{ itemId: marker, score: 1 }] }])
    return runId
  }
  const listsOf = async (runId: string) =>
    (await db.selectFrom('recommendations').select('id').where('run_id', '=', runId).execute())
      .length

  it('serves the published run only, keeps the previous one, and deletes older and abandoned runs', async () => {
    const channel = `test-${randomUUID()}`
    const first = await run(channel, 'first')
    const abandoned = await run(channel, 'abandoned', new Date(Date.now() - 2 * 86_400_000))
    const unfinished = await run(channel, 'unfinished')
    expect(await currentRecommendationRun(db, channel)).toBeNull()
    expect((await readServedLists(db, channel, [key])).lists).toEqual([])

    expect(await publishRecommendationRun(db, channel, first)).toEqual({ previousRunId: null })
    const second = await run(channel, 'second')
    expect(await publishRecommendationRun(db, channel, second)).toEqual({ previousRunId: first })
    // Publishing the served run again changes nothing.
    expect(await publishRecommendationRun(db, channel, second)).toEqual({ previousRunId: first })
    const served = await readServedLists(db, channel, [key])
    expect(served).toEqual({
      runId: second,
      lists: [{ ...key, items: [{ itemId: 'second', score: 1 }] }],
    })

    const third = await run(channel, 'third')
    await publishRecommendationRun(db, channel, third)
    expect(await listsOf(first)).toBe(0)
    expect(await listsOf(abandoned)).toBe(0)
    expect(await listsOf(second)).toBe(1)
    // A run still being written (started today) is left alone.
    expect(await listsOf(unfinished)).toBe(1)
    const row = await db
      .selectFrom('recommendation_runs')
      .select(['status', 'lists'])
      .where('id', '=', third)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'published', lists: 1 })
  })
})
