import { randomUUID } from 'node:crypto'
import { startTracing, type Tracing } from '@emporium/infra'
import { InMemorySpanExporter, testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApi } from '../server'
import { startApiWithWorker, type ApiWithWorker } from '../testing/api-with-worker'
import { insertCartVariant } from '../testing/catalog-fixtures'
import { placeOrder, shopperWithCart } from '../testing/shopper'

describe('OpenTelemetry traces of one checkout (tRPC → Temporal → activities → PostgreSQL)', () => {
  const taskQueue = `emporium-test-tracing-${randomUUID()}`
  const config = { ...testConfig(), TEMPORAL_TASK_QUEUE: taskQueue, STRIPE_SECRET_KEY: undefined }
  const exporter = new InMemorySpanExporter()
  let tracing: Tracing
  let stack: ApiWithWorker
  let api: RunningApi

  beforeAll(async () => {
    tracing = startTracing(config, 'emporium-test', { exporter })
    stack = await startApiWithWorker(config)
    api = stack.api
  }, 180_000)
  afterAll(async () => {
    await stack?.close()
    await tracing?.shutdown()
  })

  const spans = () => exporter.getFinishedSpans()

  it('one trace links the orders.place span, the workflow start and run, each activity and their queries', async () => {
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 2_500 }, stock: [3] })
    const { browser, addressId } = await shopperWithCart(api, variant.variantId)
    const { checkoutId } = await placeOrder(browser, addressId, 'tok_visa', randomUUID())
    await expect
      .poll(async () => (await browser.client.orders.progress.query({ checkoutId })).stage, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe('paid')

    const place = spans().filter((s) => s.name === 'trpc orders.place')
    expect(place).toHaveLength(1)
    const root = place[0]!
    expect(root.attributes).toMatchObject({
      'rpc.system': 'trpc',
      'rpc.method': 'orders.place',
      'trpc.type': 'mutation',
      'trpc.code': 'OK',
    })
    expect(root.attributes['emporium.request_id']).toMatch(/^[\w-]{8,}$/)
    const traceId = root.spanContext().traceId
    const inTrace = () => spans().filter((s) => s.spanContext().traceId === traceId)
    // Workflow spans leave the sandbox through a sink after each workflow task: wait for the last.
    await expect
      .poll(() => inTrace().map((s) => s.name), { timeout: 10_000, interval: 100 })
      .toContain('RunActivity:markOrderPaid')

    const trail = inTrace()
    const one = (name: string) => {
      const found = trail.filter((s) => s.name === name)
      expect(found, name).toHaveLength(1)
      return found[0]!
    }
    const parentOf = (span: { parentSpanId?: string }) =>
      trail.find((s) => s.spanContext().spanId === span.parentSpanId)?.name
    const start = one('StartWorkflow:checkoutWorkflow')
    const run = one('RunWorkflow:checkoutWorkflow')
    expect(parentOf(start)).toBe('trpc orders.place')
    expect(parentOf(run)).toBe('StartWorkflow:checkoutWorkflow')
    expect(run.attributes).toMatchObject({ workflowId: checkoutId })
    for (const activity of ['reserveInventory', 'createOrder', 'markOrderPaid']) {
      expect(parentOf(one(`StartActivity:${activity}`))).toBe('RunWorkflow:checkoutWorkflow')
      expect(parentOf(one(`RunActivity:${activity}`))).toBe(`StartActivity:${activity}`)
    }
    const queries = trail.filter((s) => s.name.startsWith('pg.query:'))
    expect(queries.every((q) => q.attributes['db.system'] === 'postgresql')).toBe(true)
    const queryParents = new Set(queries.map(parentOf))
    // The API's own queries (admission tier, cart) and the activities' queries alike.
    expect(queryParents).toContain('trpc orders.place')
    expect(queryParents).toContain('RunActivity:createOrder')
    expect(queries.every((q) => typeof q.attributes['db.statement'] === 'string')).toBe(true)
  })

  it("continues a caller's trace from its traceparent header, and records a refusal's code", async () => {
    const traceId = randomUUID().replaceAll('-', '')
    const response = await fetch(
      `${api.url}/trpc/orders.progress?input=${encodeURIComponent(JSON.stringify({ checkoutId: 'x' }))}`,
      { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } },
    )
    expect(response.status).toBe(401)
    const span = spans().find((s) => s.spanContext().traceId === traceId)
    expect(span?.name).toBe('trpc orders.progress')
    expect(span?.parentSpanId).toBe('00f067aa0ba902b7')
    expect(span?.attributes['trpc.code']).toBe('UNAUTHORIZED')
    // A refusal is the caller's problem, not a failure of the server.
    expect(span?.status.code).toBe(0)
  })
})
