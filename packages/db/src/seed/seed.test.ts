import { verify } from '@node-rs/argon2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client'
import { createTestDb } from '../testing'
import { loadSeedCatalog, type SeedCatalog } from './catalog-data'
import { DEMO_USERS, seedDatabase } from './index'

const LIMIT = 15
let db: Db
let catalog: SeedCatalog
beforeAll(async () => {
  db = await createTestDb()
  catalog = await loadSeedCatalog()
})
afterAll(async () => {
  await db.destroy()
})

/** Expected cents from the decimal text, computed independently of the seed's parser. */
function cents(price: string): number {
  const [whole = '0', fraction = ''] = price.split('.')
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}

async function snapshot(skus: string[], slugs: string[]) {
  const products = await db
    .selectFrom('products')
    .select(['slug', 'status'])
    .where('slug', 'in', slugs)
    .orderBy('slug')
    .execute()
  const prices = await db
    .selectFrom('prices')
    .innerJoin('product_variants as v', 'v.id', 'prices.variant_id')
    .select(['v.sku', 'prices.currency', 'prices.amount_minor'])
    .where('v.sku', 'in', skus)
    .orderBy('v.sku')
    .orderBy('prices.currency')
    .execute()
  const stock = await db
    .selectFrom('inventory_levels as l')
    .innerJoin('product_variants as v', 'v.id', 'l.variant_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('v.sku', 'in', skus)
    .executeTakeFirstOrThrow()
  const images = await db
    .selectFrom('product_images as i')
    .innerJoin('products as p', 'p.id', 'i.product_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.slug', 'in', slugs)
    .executeTakeFirstOrThrow()
  return { products, prices, stock: stock.n, images: images.n }
}

describe('seedDatabase', () => {
  it('loads a slice of the catalog and a second run changes nothing', async () => {
    const slice = catalog.products.slice(0, LIMIT)
    const slugs = slice.map((p) => p.slug)
    const skus = slice.flatMap((p) => p.variants.map((v) => v.sku))

    const summary = await seedDatabase(db, { productLimit: LIMIT })
    expect(summary).toMatchObject({ products: LIMIT, variants: skus.length })
    const first = await snapshot(skus, slugs)
    expect(first.products).toHaveLength(LIMIT)
    expect(first.products.every((p) => p.status === 'active')).toBe(true)
    const expectedPrices = slice
      .flatMap((p) =>
        p.variants.map((v) => ({ sku: v.sku, currency: 'USD', amount_minor: cents(v.price) })),
      )
      .sort((a, b) => a.sku.localeCompare(b.sku))
    expect(first.prices).toEqual(expectedPrices)
    expect(first.stock).toBe(skus.length * 3)
    expect(first.images).toBe(skus.length)

    await seedDatabase(db, { productLimit: LIMIT })
    expect(await snapshot(skus, slugs)).toEqual(first)
  })

  it('creates one demo account per role whose printed password verifies', async () => {
    await seedDatabase(db, { productLimit: 1 })
    for (const demo of DEMO_USERS.slice(0, 3)) {
      const user = await db
        .selectFrom('users')
        .select(['role', 'password_hash'])
        .where('email', '=', demo.email)
        .executeTakeFirstOrThrow()
      expect(user.role).toBe(demo.role)
      expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
      expect(await verify(user.password_hash ?? '', demo.password)).toBe(true)
    }
    const store = await db
      .selectFrom('sellers')
      .innerJoin('users', 'users.id', 'sellers.user_id')
      .select(['sellers.status', 'sellers.store_name'])
      .where('users.email', '=', 'seller@emporium.local')
      .executeTakeFirstOrThrow()
    expect(store).toEqual({ status: 'approved', store_name: 'Northwind Mobile' })
  })
})
