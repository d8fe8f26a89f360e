// Run with tsx as a child process of a jsdom test: the API cannot load inside jsdom's module
// graph (its `new URL(..., import.meta.url)` paths become page URLs there).
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { startApiServer } from '@emporium/api'
import { createTestClient, createTestSeller } from '@emporium/api/testing'
import { insertTestWarehouse } from '@emporium/db/testing'
import { testConfig } from '@emporium/infra/testing'

/** What the test's page needs to reach the API as the seller, and what it should then show. */
export interface SellerStockHistory {
  apiUrl: string
  /** The seller's session, as the browser would send it. */
  cookie: string
  variantId: string
  sku: string
  /** Warehouse codes: the first and second warehouse of the adjustments. */
  north: string
  south: string
}

const api = await startApiServer({
  config: testConfig(),
  port: 0,
  rateLimitNamespace: randomUUID(),
})
const { db } = api.deps
const { user, seller } = await createTestSeller(db)
const key = randomUUID()
const product = await db
  .insertInto('products')
  .values({ seller_id: seller.id, name: `Kettle ${key}`, slug: `kettle-${key}`, status: 'active' })
  .returning('id')
  .executeTakeFirstOrThrow()
const variant = await db
  .insertInto('product_variants')
  .values({ product_id: product.id, sku: `KETTLE-${key}`, title: 'Default' })
  .returning(['id', 'sku'])
  .executeTakeFirstOrThrow()
const north = await insertTestWarehouse(db)
const south = await insertTestWarehouse(db)
const codeOf = async (id: number) =>
  (await db.selectFrom('warehouses').select('code').where('id', '=', id).executeTakeFirstOrThrow())
    .code
const browser = createTestClient(api.url)
await browser.client.auth.login.mutate({ email: user.email, password: user.password })
for (const change of [
  { warehouseId: north, delta: 12, reason: 'restock' as const },
  { warehouseId: south, delta: 5, reason: 'restock' as const },
  { warehouseId: north, delta: -3, reason: 'adjustment' as const },
  { warehouseId: south, delta: 1, reason: 'return' as const },
]) {
  await browser.client.seller.adjustStock.mutate({
    variantId: variant.id,
    ...change,
    idempotencyKey: `history-${randomUUID()}`,
  })
}
const ready: SellerStockHistory = {
  apiUrl: api.url,
  cookie: [...browser.jar].map(([k, v]) => `${k}=${v}`).join('; '),
  variantId: variant.id,
  sku: variant.sku,
  north: await codeOf(north),
  south: await codeOf(south),
}
process.stdout.write(`${JSON.stringify(ready)}\n`)
// Serves until the test closes stdin.
process.stdin.resume()
await once(process.stdin, 'end')
await api.close()
