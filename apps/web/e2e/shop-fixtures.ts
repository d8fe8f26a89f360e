import { randomInt, randomUUID } from 'node:crypto'
import { createTRPCClient, httpLink } from '@trpc/client'
import type { AppRouter } from '@emporium/api'
import type { Db } from '@emporium/db'
import { insertTestWarehouse } from '@emporium/db/testing'

export const PASSWORD = 'a long enough passphrase'

/** A made-up word no other product uses (letters only, so search treats it as one word). */
export function inventedWord(): string {
  const consonants = 'bdfgklmnprstvz'
  const vowels = 'aeiou'
  let word = ''
  for (let i = 0; i < 5; i += 1)
    word +=
      (consonants[randomInt(consonants.length)] ?? 'b') + (vowels[randomInt(vowels.length)] ?? 'a')
  return word
}

/** A browser-like API client (keeps cookies, sends the web app's Origin). */
export function apiClient(apiUrl: string, origin: string) {
  const jar = new Map<string, string>()
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiUrl}/trpc`,
        headers: () => ({
          origin,
          ...(jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        }),
        fetch: async (url, init) => {
          const response = await fetch(url, init)
          for (const cookie of response.headers.getSetCookie()) {
            const [name, ...rest] = (cookie.split(';')[0] ?? '').split('=')
            if (name) jar.set(name, rest.join('='))
          }
          return response
        },
      }),
    ],
  })
}

export type ApiClient = ReturnType<typeof apiClient>

/**
 * A seller with an approved store, made the way a person would (register, open a store) with the
 * admin's approval written straight to the database; signed in on the returned client.
 */
export async function createApprovedSeller(db: Db, apiUrl: string, origin: string) {
  const email = `seller-${randomUUID()}@example.test`
  const client = apiClient(apiUrl, origin)
  await client.auth.register.mutate({ email, password: PASSWORD, displayName: 'Sam Seller' })
  await client.auth.login.mutate({ email, password: PASSWORD })
  const slug = `store-${randomUUID().slice(0, 8)}`
  const { store } = await client.seller.openStore.mutate({
    storeName: `Store ${slug}`,
    slug,
    contactEmail: email,
    payoutCurrency: 'USD',
  })
  await db.updateTable('sellers').set({ status: 'approved' }).where('id', '=', store.id).execute()
  // Sign in again so the session carries the approved store.
  await client.auth.login.mutate({ email, password: PASSWORD })
  return { email, client, storeId: store.id }
}

/**
 * An active product with one variant per colour, each priced and stocked in a new warehouse,
 * created through the seller procedures (so the worker indexes it for search).
 */
export async function createStockedProduct(
  db: Db,
  seller: ApiClient,
  options: { name: string; brand: string; colors: string[]; priceMinor: number; stock: number },
) {
  const product = await seller.seller.createProduct.mutate({
    name: options.name,
    brand: options.brand,
    description: `${options.name}, made for tests.`,
    options: [{ name: 'Color', values: options.colors }],
    prices: [{ amount: options.priceMinor, currency: 'USD' }],
  })
  const warehouseId = await insertTestWarehouse(db, 'US')
  for (const variant of product.variants) {
    await seller.seller.adjustStock.mutate({
      variantId: variant.id,
      warehouseId,
      delta: options.stock,
      reason: 'restock',
      idempotencyKey: `e2e-${randomUUID()}`,
    })
  }
  await seller.seller.publishProduct.mutate({ productId: product.id })
  return { ...product, warehouseId }
}

/** A percentage coupon (`basisPoints` 1000 = 10 %) with a unique code. */
export async function insertPercentCoupon(db: Db, basisPoints: number): Promise<string> {
  const code = `SAVE${randomUUID().slice(0, 8).toUpperCase()}`
  await db
    .insertInto('coupons')
    .values({ code, kind: 'percentage', value: basisPoints, currency: null })
    .execute()
  return code
}

/** Waits until search finds `q` among `brand`'s products (the worker indexes in the background). */
export async function waitUntilSearchable(
  client: ApiClient,
  q: string,
  brand: string,
): Promise<number> {
  const started = performance.now()
  for (;;) {
    const result = await client.search.products.query({ q, filters: { brands: [brand] } })
    if (result.total > 0) return performance.now() - started
    if (performance.now() - started > 30_000) throw new Error(`search never found "${q}"`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
