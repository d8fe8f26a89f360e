import { randomUUID } from 'node:crypto'
import { Writable } from 'node:stream'
import { createLogger, sampleSum } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningApi } from '../server'
import { createTestClient, errorOf } from '../testing/api-client'
import { startApiWithWorker, type ApiWithWorker } from '../testing/api-with-worker'
import { insertCartVariant } from '../testing/catalog-fixtures'
import { placeOrder, shopperWithCart } from '../testing/shopper'

/** A pino destination that keeps every JSON line, for asserting on what was logged. */
function captureLines() {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n'))
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>)
      done()
    },
  })
  return { lines, stream }
}

describe('observability of one checkout (API → Temporal → worker)', () => {
  const taskQueue = `emporium-test-observability-${randomUUID()}`
  const config = { ...testConfig(), TEMPORAL_TASK_QUEUE: taskQueue, STRIPE_SECRET_KEY: undefined }
  const apiLog = captureLines()
  const workerLog = captureLines()
  let stack: ApiWithWorker
  let api: RunningApi

  beforeAll(async () => {
    const workerLogger = createLogger({ LOG_LEVEL: 'debug' }, 'worker', workerLog.stream)
    stack = await startApiWithWorker(config, {
      adaptWorkerDeps: (deps) => ({ ...deps, logger: workerLogger }),
      workerLogger,
    })
    api = stack.api
    // Each request's context is built from `deps`, so swapping its logger captures the API's lines.
    api.deps.logger = createLogger({ LOG_LEVEL: 'debug' }, 'api', apiLog.stream)
  }, 180_000)
  afterAll(async () => {
    await stack?.close()
  })

  const scrape = async () => {
    const response = await fetch(`${api.url}/metrics`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/plain')
    return response.text()
  }

  it('a paid checkout: its API line and every activity line share one request id; /metrics counts it', async () => {
    const before = await scrape()
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 2_500 }, stock: [3] })
    const { browser, addressId } = await shopperWithCart(api, variant.variantId)
    const { checkoutId } = await placeOrder(browser, addressId, 'tok_visa', randomUUID())
    await expect
      .poll(async () => (await browser.client.orders.progress.query({ checkoutId })).stage, {
        timeout: 30_000,
        interval: 200,
      })
      .toBe('paid')

    const placed = apiLog.lines.filter(
      (l) => l.path === 'orders.place' && l.msg === 'procedure completed',
    )
    expect(placed).toHaveLength(1)
    expect(placed[0]).toMatchObject({ code: 'OK', type: 'mutation' })
    const requestId = placed[0]!.requestId
    expect(requestId).toEqual(expect.stringMatching(/^[\w-]{8,}$/))

    const activityLines = workerLog.lines.filter((l) => l.workflowId === checkoutId)
    const types = new Set(activityLines.map((l) => l.activityType))
    for (const type of ['reserveInventory', 'createOrder', 'markOrderPaid'])
      expect([...types]).toContain(type)
    // The interceptor's lines and the activities' own lines (e.g. "payment created") alike.
    expect(activityLines.map((l) => l.msg)).toContain('payment created')
    for (const line of activityLines) {
      expect(line).toMatchObject({ requestId, workflowId: checkoutId })
      expect(line.runId).toEqual(expect.any(String))
    }

    const after = await scrape()
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sampleSum(after, name, labels) - sampleSum(before, name, labels)
    const place = { procedure: 'orders.place', type: 'mutation' }
    expect(delta('emporium_api_requests_total', { ...place, code: 'OK' })).toBe(1)
    expect(delta('emporium_api_request_duration_seconds_count', place)).toBe(1)
    expect(delta('emporium_checkout_outcomes_total', { outcome: 'paid' })).toBe(1)
    expect(
      delta('emporium_worker_activity_duration_seconds_count', {
        activity_type: 'markOrderPaid',
        outcome: 'completed',
      }),
    ).toBe(1)
  })

  it('counts refusals by procedure and code, and catalog cache lookups', async () => {
    const before = await scrape()
    const anonymous = createTestClient(api.url)
    const refused = await errorOf(
      anonymous.client.orders.place.mutate(
        { shippingAddressId: randomUUID(), paymentMethodToken: 'tok_visa' },
        { context: { idempotencyKey: randomUUID() } },
      ),
    )
    expect(refused?.data?.code).toBe('UNAUTHORIZED')
    await anonymous.client.catalog.listCategories.query()
    await anonymous.client.catalog.listCategories.query()

    const after = await scrape()
    const delta = (name: string, labels: Record<string, string> = {}) =>
      sampleSum(after, name, labels) - sampleSum(before, name, labels)
    expect(
      delta('emporium_api_errors_total', { procedure: 'orders.place', code: 'UNAUTHORIZED' }),
    ).toBe(1)
    expect(
      delta('emporium_api_requests_total', { procedure: 'orders.place', code: 'UNAUTHORIZED' }),
    ).toBe(1)
    expect(
      delta('emporium_api_requests_total', { procedure: 'catalog.listCategories', code: 'OK' }),
    ).toBe(2)
    expect(delta('emporium_catalog_cache_lookups_total')).toBe(2)
  })
})
