import { DEFAULT_CART_SETTINGS } from '@emporium/cart'
import { boughtProductIds, productIdsOfVariants, recordProductView } from '@emporium/db'
import { pushRecentView, recentViews } from '@emporium/infra'
import type { Context } from '../context'
import { loadCallerCart } from '../cart/cart-identity'

/** What the caller is doing now: recent views (signed-in), cart products, and what they already bought. */
export interface CallerSignals {
  recentViews: string[]
  inCart: string[]
  bought: Set<string>
}

/** Reads the caller's session signals: Redis recent views, the Redis cart, paid orders. */
export async function callerSignals(ctx: Context): Promise<CallerSignals> {
  const userId = ctx.session?.userId
  const [views, cart, bought] = await Promise.all([
    userId === undefined ? [] : recentViews(ctx.redis, userId),
    loadCallerCart(ctx, DEFAULT_CART_SETTINGS),
    userId === undefined ? new Set<string>() : boughtProductIds(ctx.db, userId),
  ])
  const inCart = await productIdsOfVariants(ctx.db, cart?.lines.map((l) => l.variantId) ?? [])
  return { recentViews: views, inCart, bought }
}

/** Records a signed-in shopper's product page view: the real-time recent list and the job's history. */
export async function recordCallerView(ctx: Context, productId: string): Promise<void> {
  const userId = ctx.session?.userId
  if (userId === undefined) return
  await pushRecentView(ctx.redis, userId, productId)
  await recordProductView(ctx.db, userId, productId)
}
