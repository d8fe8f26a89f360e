import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Db } from '@emporium/db'
import { createTestDb } from '@emporium/db/testing'
import { freePort } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestClient, signIn, type TestClient } from '../testing/api-client'
import { insertCartVariant } from '../testing/catalog-fixtures'
import { createTestSeller } from '../testing/sellers'
import { createTestUser } from '../testing/users'
import { spawnApi, spawnWorker, type ChildService } from './child-processes'
import { startNginx, type RunningBalancer } from './nginx-balancer'

/** A client for another instance that carries the same cookies (the same browser, another server). */
function sameBrowserOn(url: string, browser: TestClient): TestClient {
  const other = createTestClient(url)
  for (const [name, value] of browser.jar) other.setCookie(name, value)
  return other
}

// Three real API processes (apps/api/src/main.ts) behind Debian's nginx, and two real worker
// processes on one task queue: nothing a request needs may live in one process's memory.
describe('several API instances behind nginx and several workers', () => {
  const taskQueue = `emporium-test-scale-${randomUUID()}`
  // No Stripe key: payments go through the built-in test gateway, in the APIs and the workers alike.
  const env = {
    TEMPORAL_TASK_QUEUE: taskQueue,
    STRIPE_SECRET_KEY: undefined,
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
  }
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'emporium-nginx-'))
  let db: Db
  let apis: ChildService[] = []
  let apiUrls: string[] = []
  let workers: ChildService[] = []
  let lb: RunningBalancer

  beforeAll(async () => {
    db = await createTestDb()
    const ports = [await freePort(), await freePort(), await freePort()]
    apiUrls = ports.map((port) => `http://127.0.0.1:${String(port)}`)
    ;[apis, workers] = await Promise.all([
      Promise.all(ports.map((port) => spawnApi(port, env))),
      Promise.all([spawnWorker(taskQueue, env), spawnWorker(taskQueue, env)]),
    ])
    lb = await startNginx(prefix, await freePort(), ports)
  }, 240_000)
  afterAll(async () => {
    await lb?.stop()
    await Promise.all([...apis, ...workers].map((service) => service.stop()))
    await db?.destroy()
    rmSync(prefix, { recursive: true, force: true })
  })

  const at = (i: number) => apiUrls[i] ?? ''

  it('keeps a session and a cart made on one instance on the others', async () => {
    const user = await createTestUser(db)
    const onA = await signIn(at(0), user.email, user.password)
    const onB = sameBrowserOn(at(1), onA)
    const onC = sameBrowserOn(at(2), onA)
    expect((await onB.client.auth.me.query())?.email).toBe(user.email)

    const variant = await insertCartVariant(db, { prices: { USD: 1_250 }, stock: [5] })
    await onB.client.cart.addLine.mutate({ variantId: variant.variantId, quantity: 2 })
    const cart = await onC.client.cart.get.query()
    expect(cart.lines.map((l) => [l.variantId, l.quantity])).toEqual([[variant.variantId, 2]])

    await onA.client.auth.logout.mutate()
    expect(await onC.client.auth.me.query()).toBeNull()
  })

  it("shows a seller's new price on every instance's cached product page within seconds", async () => {
    const { user } = await createTestSeller(db)
    const seller = await signIn(at(0), user.email, user.password)
    const product = await seller.client.seller.createProduct.mutate({
      name: `Scale-out Kettle ${randomUUID().slice(0, 8)}`,
      prices: [{ amount: 4_000, currency: 'USD' }],
    })
    await seller.client.seller.publishProduct.mutate({ productId: product.id })
    const shoppers = [at(1), at(2)].map((url) => createTestClient(url).client)
    const priceOn = async (i: number) =>
      (await shoppers[i]?.catalog.getProduct.query({ slug: product.slug }))?.variants[0]?.price
    for (const i of [0, 1]) {
      expect(await priceOn(i)).toEqual({ amount: 4_000, currency: 'USD' })
      expect(await priceOn(i)).toEqual({ amount: 4_000, currency: 'USD' }) // now from its cache
    }

    await seller.client.seller.bulkChangePrices.mutate({
      currency: 'USD',
      target: { by: 'skus', skus: [product.variants[0]?.sku ?? ''] },
      change: { kind: 'absolute', amount: -501 },
    })
    for (const i of [0, 1]) {
      await expect
        .poll(() => priceOn(i), { timeout: 5_000, interval: 100 })
        .toEqual({ amount: 3_499, currency: 'USD' })
    }
  })

  it('pays an order placed through the load balancer, with every instance serving requests', async () => {
    const variant = await insertCartVariant(db, { prices: { USD: 2_500 }, stock: [3] })
    const user = await createTestUser(db)
    const browser = await signIn(lb.url, user.email, user.password)
    const address = await browser.client.account.createAddress.mutate({
      fullName: 'Grace Hopper',
      line1: '1 Compiler Lane',
      city: 'New York',
      region: 'NY',
      postalCode: '10001',
      country: 'US',
      makeDefault: true,
    })
    await browser.client.cart.addLine.mutate({ variantId: variant.variantId, quantity: 1 })
    await browser.client.cart.setShippingRegion.mutate({ region: 'US-NY' })
    const key = randomUUID()
    const { checkoutId } = await browser.client.orders.place.mutate(
      { shippingAddressId: address.id, paymentMethodToken: 'tok_visa' },
      { context: { idempotencyKey: key } },
    )
    let progress = await browser.client.orders.progress.query({ checkoutId })
    await expect
      .poll(
        async () => {
          progress = await browser.client.orders.progress.query({ checkoutId })
          return progress.done
        },
        { timeout: 90_000, interval: 250 },
      )
      .toBe(true)
    expect(progress, workers.map((w) => w.output()).join('\n')).toMatchObject({
      stage: 'paid',
      failure: null,
    })

    const order = await db
      .selectFrom('orders')
      .select(['status', 'idempotency_key', 'total_minor'])
      .where('user_id', '=', user.id)
      .execute()
    expect(order).toEqual([expect.objectContaining({ status: 'paid', idempotency_key: key })])
    expect(await browser.client.cart.get.query()).toMatchObject({ lines: [] })

    // Round robin: this shopper's requests alone were spread over all three instances.
    const served = new Set(
      lb
        .accessLog()
        .filter((line) => line.includes('/trpc/'))
        .map((line) => line.split(' ').at(-2)),
    )
    expect([...served].sort()).toEqual(apiUrls.map((u) => u.replace('http://', '')).sort())
    const header = await fetch(`${lb.url}/healthz`)
    expect(apiUrls).toContain(`http://${header.headers.get('x-served-by') ?? ''}`)
  }, 120_000)
})
