import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { createDb, recordOutboxEvent, type Db } from '@emporium/db'
import { createLogger } from '@emporium/infra'
import { TEST_ENV, testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOutboxRelay, type OutboxHandler } from './outbox-relay'

const config = testConfig()
const logger = createLogger({ LOG_LEVEL: 'silent' }, 'outbox-test')

describe('outbox relay', () => {
  let db: Db
  beforeAll(() => {
    db = createDb(config.DATABASE_URL)
  })
  afterAll(async () => {
    await db.destroy()
  })

  /** A fresh aggregate type per test, so relays here never touch other tests' events. */
  const uniqueType = () => `test-${randomUUID()}`
  const rows = (type: string) =>
    db.selectFrom('outbox').selectAll().where('aggregate_type', '=', type).orderBy('id').execute()

  it('delivers the events of each aggregate in id order, once each, with two relays running at the same time', async () => {
    const type = uniqueType()
    const aggregates = ['a', 'b', 'c', 'd', 'e'].map((name) => `${name}-${randomUUID()}`)
    for (let seq = 0; seq < 8; seq++) {
      for (const aggregateId of aggregates) {
        await recordOutboxEvent(db, {
          aggregateType: type,
          aggregateId,
          eventType: 'test.happened',
          payload: { seq },
        })
      }
    }
    const delivered = new Map<string, number[]>()
    const byRelay = [0, 0]
    const recorder =
      (relay: number): OutboxHandler =>
      async (event) => {
        await sleep(Math.random() * 4) // let the relays interleave
        const list = delivered.get(event.aggregate_id) ?? []
        list.push((event.payload as { seq: number }).seq)
        delivered.set(event.aggregate_id, list)
        byRelay[relay] = (byRelay[relay] ?? 0) + 1
      }
    const relays = [0, 1].map((relay) =>
      createOutboxRelay({
        db,
        logger,
        handlers: { [type]: [recorder(relay)] },
        batchSize: 2,
        idleMs: 10,
      }),
    )
    const drain = async (relay: (typeof relays)[number]) => {
      for (let idle = 0; idle < 5; ) idle = (await relay.runOnce()) === 0 ? idle + 1 : 0
    }
    await Promise.all(relays.map(drain))

    for (const aggregateId of aggregates)
      expect(delivered.get(aggregateId)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(byRelay[0]).toBeGreaterThan(0)
    expect(byRelay[1]).toBeGreaterThan(0)
    const stored = await rows(type)
    expect(stored).toHaveLength(40)
    expect(stored.every((row) => row.published_at !== null && row.attempts === 0)).toBe(true)
  })

  it('a relay confined to some aggregate ids delivers and publishes only theirs, leaving the rest unpublished', async () => {
    const type = uniqueType()
    const [own, other] = [`own-${randomUUID()}`, `other-${randomUUID()}`]
    for (const aggregateId of [own, other, own]) {
      await recordOutboxEvent(db, {
        aggregateType: type,
        aggregateId,
        eventType: 'test.happened',
        payload: {},
      })
    }
    const seen: string[] = []
    const relay = createOutboxRelay({
      db,
      logger,
      handlers: { [type]: [(event) => Promise.resolve(void seen.push(event.aggregate_id))] },
      aggregateIds: [own],
    })
    while ((await relay.runOnce()) > 0);

    expect(seen).toEqual([own, own])
    const stored = await rows(type)
    expect(stored.map((row) => [row.aggregate_id, row.published_at !== null])).toEqual([
      [own, true],
      [other, false],
      [own, true],
    ])
  })

  it('retries after a failure in a handler (with back-off), keeps later events of that aggregate waiting, and never re-sends published ones', async () => {
    const type = uniqueType()
    const first = await recordOutboxEvent(db, {
      aggregateType: type,
      aggregateId: 'p1',
      eventType: 'test.one',
      payload: {},
    })
    const second = await recordOutboxEvent(db, {
      aggregateType: type,
      aggregateId: 'p1',
      eventType: 'test.two',
      payload: {},
    })
    const sent: number[] = []
    let failNext = true
    const publishThenFail: OutboxHandler = (event) => {
      sent.push(event.id)
      if (!failNext) return Promise.resolve()
      failNext = false
      return Promise.reject(new Error('broker went away after publishing'))
    }
    const relay = createOutboxRelay({
      db,
      logger,
      handlers: { [type]: [publishThenFail] },
      retryBaseMs: 300,
    })

    expect(await relay.runOnce()).toBe(1)
    expect(sent).toEqual([first])
    const afterFailure = await rows(type)
    expect(afterFailure.map((r) => [r.id, r.published_at, r.attempts, r.last_error])).toEqual([
      [first, null, 1, 'broker went away after publishing'],
      [second, null, 0, null],
    ])
    // Backing off: the failed event is not due yet, and the later event of the same product must wait for it.
    expect(await relay.runOnce()).toBe(0)
    expect(sent).toEqual([first])

    await sleep(350)
    while ((await relay.runOnce()) > 0);
    expect(sent).toEqual([first, first, second]) // at least once: the first event is delivered again
    const published = await rows(type)
    expect(published.map((r) => [r.id, r.published_at !== null, r.attempts, r.last_error])).toEqual(
      [
        [first, true, 1, null],
        [second, true, 0, null],
      ],
    )

    expect(await relay.runOnce()).toBe(0)
    expect(sent).toEqual([first, first, second])
  })

  it('redelivers an event when the relay process dies between publishing and marking it', async () => {
    const type = uniqueType()
    const id = await recordOutboxEvent(db, {
      aggregateType: type,
      aggregateId: 'p1',
      eventType: 'test.crash',
      payload: { n: 1 },
    })
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./crashing-relay.fixture.ts', import.meta.url)),
        type,
      ],
      {
        env: { ...process.env, ...TEST_ENV, DATABASE_URL: config.DATABASE_URL },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    const exited = once(child, 'exit')
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    for (let i = 0; i < 300 && !output.includes('published'); i++) await sleep(50)
    expect(output).toBe(`published ${id}\n`)
    child.kill('SIGKILL')
    await exited
    expect((await rows(type)).map((r) => [r.published_at, r.attempts])).toEqual([[null, 0]])

    const redelivered: number[] = []
    const survivor = createOutboxRelay({
      db,
      logger,
      handlers: { [type]: [(event) => Promise.resolve(void redelivered.push(event.id))] },
    })
    // Postgres rolls the dead relay's transaction back once it notices the closed connection.
    for (let i = 0; i < 100 && redelivered.length === 0; i++) {
      if ((await survivor.runOnce()) === 0) await sleep(50)
    }
    expect(redelivered).toEqual([id])
    expect((await rows(type)).map((r) => r.published_at !== null)).toEqual([true])
    expect(await survivor.runOnce()).toBe(0)
  })

  it('leaves events of aggregate types it has no handler for', async () => {
    const handled = uniqueType()
    const other = uniqueType()
    await recordOutboxEvent(db, {
      aggregateType: other,
      aggregateId: 'o1',
      eventType: 'test.other',
      payload: {},
    })
    const relay = createOutboxRelay({
      db,
      logger,
      handlers: { [handled]: [() => Promise.resolve()] },
    })
    await relay.runOnce()
    expect((await rows(other)).map((r) => [r.published_at, r.attempts])).toEqual([[null, 0]])
  })

  it('runs in the background until stopped', async () => {
    const type = uniqueType()
    const seen: string[] = []
    const relay = createOutboxRelay({
      db,
      logger,
      handlers: { [type]: [(e) => Promise.resolve(void seen.push(e.event_type))] },
      idleMs: 20,
    })
    relay.start()
    await recordOutboxEvent(db, {
      aggregateType: type,
      aggregateId: 'x',
      eventType: 'test.background',
      payload: {},
    })
    for (let i = 0; i < 100 && seen.length === 0; i++) await sleep(20)
    await relay.stop()
    expect(seen).toEqual(['test.background'])
  })
})
