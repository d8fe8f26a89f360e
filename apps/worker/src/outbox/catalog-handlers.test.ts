import { randomUUID } from 'node:crypto'
import type { OutboxEvent } from '@emporium/db'
import { createRedis, type Redis } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CATALOG_INVALIDATE_CHANNEL,
  createCatalogHandlers,
  PRODUCT_AGGREGATE,
  SEARCH_EVENTS_STREAM,
} from './catalog-handlers'

const config = testConfig()

describe('catalog event handlers (real Redis)', () => {
  let redis: Redis
  let subscriber: Redis
  beforeAll(() => {
    redis = createRedis(config)
    subscriber = createRedis(config)
  })
  afterAll(async () => {
    await Promise.all([redis.quit(), subscriber.quit()])
  })

  it('publishes { productId } on catalog:invalidate and appends the event to events:search', async () => {
    const productId = randomUUID()
    const event: OutboxEvent = {
      id: 987_654_321,
      aggregate_type: PRODUCT_AGGREGATE,
      aggregate_id: productId,
      event_type: 'product.updated',
      payload: { name: 'Nikon Z6' },
      created_at: new Date('2026-01-02T03:04:05.000Z'),
      published_at: null,
      attempts: 0,
      last_error: null,
      available_at: new Date(),
    }
    const messages: string[] = []
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === CATALOG_INVALIDATE_CHANNEL && message.includes(productId))
        messages.push(message)
    })
    await subscriber.subscribe(CATALOG_INVALIDATE_CHANNEL)
    const before = await redis.xrevrange(SEARCH_EVENTS_STREAM, '+', '-', 'COUNT', 1)
    const startId = before[0]?.[0] ?? '0-0'

    const handlers = createCatalogHandlers(redis)[PRODUCT_AGGREGATE] ?? []
    expect(handlers).toHaveLength(2)
    for (const handler of handlers) await handler(event)

    for (let i = 0; i < 50 && messages.length === 0; i++)
      await new Promise((r) => setTimeout(r, 20))
    expect(messages.map((m) => JSON.parse(m) as unknown)).toEqual([{ productId }])
    const entries = await redis.xrange(SEARCH_EVENTS_STREAM, `(${startId}`, '+')
    const mine = entries.filter(([, fields]) => fields.includes(productId))
    expect(mine.map(([, fields]) => fields)).toEqual([
      [
        'eventId',
        '987654321',
        'type',
        'product.updated',
        'aggregateType',
        'product',
        'aggregateId',
        productId,
        'payload',
        '{"name":"Nikon Z6"}',
        'occurredAt',
        '2026-01-02T03:04:05.000Z',
      ],
    ])
  })
})
