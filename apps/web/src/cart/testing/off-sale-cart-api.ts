// Run with tsx as a child process of a jsdom test: the API cannot load inside jsdom's module
// graph (its `new URL(..., import.meta.url)` paths become page URLs there).
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { startApiServer } from '@emporium/api'
import { createTestClient } from '@emporium/api/testing'
import { insertTestStock, insertTestVariant, insertTestWarehouse } from '@emporium/db/testing'
import { testConfig } from '@emporium/infra/testing'

/** A guest cart with one line on sale and one whose product was archived after it was added. */
export interface OffSaleCart {
  apiUrl: string
  /** The guest's cart cookie, as the browser would send it. */
  cookie: string
  onSaleName: string
  offSaleName: string
}

const api = await startApiServer({
  config: testConfig(),
  port: 0,
  rateLimitNamespace: randomUUID(),
})
const { db } = api.deps
const warehouseId = await insertTestWarehouse(db)
const product = async (priceMinor: number) => {
  const v = await insertTestVariant(db)
  await db
    .insertInto('prices')
    .values({ variant_id: v.variantId, currency: 'USD', amount_minor: priceMinor })
    .execute()
  await insertTestStock(db, v.variantId, warehouseId, 10)
  const { name } = await db
    .selectFrom('products')
    .select('name')
    .where('id', '=', v.productId)
    .executeTakeFirstOrThrow()
  return { ...v, name }
}
const onSale = await product(1_000)
const offSale = await product(2_000)
const browser = createTestClient(api.url)
await browser.client.cart.addLine.mutate({ variantId: onSale.variantId, quantity: 1 })
await browser.client.cart.addLine.mutate({ variantId: offSale.variantId, quantity: 1 })
await browser.client.cart.setShippingRegion.mutate({ region: 'DE' })
// Archived while the line's price lock still holds.
await db
  .updateTable('products')
  .set({ status: 'archived' })
  .where('id', '=', offSale.productId)
  .execute()
const ready: OffSaleCart = {
  apiUrl: api.url,
  cookie: [...browser.jar].map(([k, v]) => `${k}=${v}`).join('; '),
  onSaleName: onSale.name,
  offSaleName: offSale.name,
}
process.stdout.write(`${JSON.stringify(ready)}\n`)
// Serves until the test closes stdin.
process.stdin.resume()
await once(process.stdin, 'end')
await api.close()
