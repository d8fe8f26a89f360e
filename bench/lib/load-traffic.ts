import { randomUUID } from 'node:crypto'
import type { BenchShopper } from './checkout-shoppers'

/** The traffic mix of the load benchmark: each kind's share of all requests. */
export const MIX = { browse: 0.7, search: 0.2, cart: 0.08, checkout: 0.02 } as const
export type Kind = keyof typeof MIX

/** One autocannon request template; `setupRequest` fills in what changes per call. */
export interface LoadRequest {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
  setupRequest?: (req: LoadRequest) => LoadRequest
}

const query = (procedure: string, input: unknown) =>
  `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`

/** Product pages, rotating over `productIds` (served from each instance's cache once warm). */
export function browseRequest(productIds: readonly string[]): LoadRequest {
  let i = 0
  return {
    method: 'GET',
    path: '/',
    setupRequest: (req) => ({
      ...req,
      path: query('catalog.getProduct', { id: productIds[i++ % productIds.length] }),
    }),
  }
}

/** Searches, rotating over a fixed list of real shopper queries. */
export function searchRequest(queries: readonly string[]): LoadRequest {
  let i = 0
  return {
    method: 'GET',
    path: '/',
    setupRequest: (req) => ({
      ...req,
      path: query('search.products', { q: queries[i++ % queries.length], perPage: 24 }),
    }),
  }
}

/** Cart edits: shoppers set their one line to 1 or 2 units in turn (a Redis read-modify-write). */
export function cartRequest(shoppers: readonly BenchShopper[], variantIds: string[]): LoadRequest {
  let i = 0
  return {
    method: 'POST',
    path: '/trpc/cart.updateLine',
    setupRequest: (req) => {
      const n = i++
      const shopper = shoppers[n % shoppers.length]
      return {
        ...req,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${shopper?.token ?? ''}`,
        },
        body: JSON.stringify({
          variantId: variantIds[n % shoppers.length],
          quantity: 1 + (Math.floor(n / shoppers.length) % 2),
        }),
      }
    },
  }
}

/** Order placements: each takes a fresh prepared shopper and a new Idempotency-Key (kept in `keys`). */
export function checkoutRequest(pool: BenchShopper[], keys: string[]): LoadRequest {
  return {
    method: 'POST',
    path: '/trpc/orders.place',
    setupRequest: (req) => {
      const shopper = pool.pop()
      if (!shopper) throw new Error('ran out of prepared shoppers; lower --seconds or --rates')
      const key = randomUUID()
      keys.push(key)
      return {
        ...req,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${shopper.token}`,
          'idempotency-key': key,
        },
        body: JSON.stringify({
          shippingAddressId: shopper.addressId,
          paymentMethodToken: 'tok_visa',
        }),
      }
    },
  }
}
