import { findCartVariants } from '@emporium/db'
import type { CurrencyCode } from '@emporium/domain'
import type { Context } from '../context'
import { readCartCookie, setCartCookie } from './cart-cookie'
import { persistSnapshot } from './cart-identity'
import {
  DEFAULT_CART_SETTINGS,
  type CartSettings,
  deleteCart,
  readCart,
  userCartKey,
  writeCart,
  type StoredCart,
  type StoredLine,
  buildCartView,
  currentPrice,
} from '@emporium/cart'
import { withCartLock } from './cart-lock'
import { lockedLine } from './cart-service'

/**
 * On sign-in, folds the guest cart named by the cookie into the user's cart: quantities of the
 * same variant are summed and capped by stock, lines are re-priced in the user's cart currency,
 * coupon codes are combined. Without a user cart, the guest cart simply becomes the user's.
 * The guest cart is deleted and its cookie cleared. Returns the user's cart id, or null when
 * there was no guest cart.
 */
export async function mergeGuestCartIntoUserCart(
  ctx: Context,
  userId: string,
  options: { now?: Date; settings?: CartSettings } = {},
): Promise<string | null> {
  const now = options.now ?? new Date()
  const settings = options.settings ?? DEFAULT_CART_SETTINGS
  const guestId = readCartCookie(ctx.req)
  if (guestId === null) return null
  const guest = await readCart(ctx.redis, guestId, settings)
  setCartCookie(ctx.res, '', 0, ctx.config.COOKIE_SECURE)
  if (!guest || guest.meta.userId !== null) return null

  const userCartId = await ctx.redis.get(userCartKey(userId))
  if (userCartId === null) return mergeInto(ctx, guest, userId, null, now, settings)
  return withCartLock(ctx.redis, userCartId, async () =>
    mergeInto(ctx, guest, userId, await readCart(ctx.redis, userCartId, settings), now, settings),
  )
}

async function mergeInto(
  ctx: Context,
  guest: StoredCart,
  userId: string,
  existing: StoredCart | null,
  now: Date,
  settings: CartSettings,
): Promise<string> {
  if (existing?.meta.userId !== userId) {
    // Adopt: the guest cart, with its locked prices and rate, becomes the user's cart.
    const meta = { ...guest.meta, userId }
    await writeCart(ctx.redis, meta, { meta }, settings)
    const adopted = { meta, lines: guest.lines }
    await persistSnapshot(ctx, adopted, await buildCartView(ctx.db, adopted, now))
    return meta.id
  }

  const target = existing
  const variantIds = [...new Set([...target.lines, ...guest.lines].map((l) => l.variantId))]
  const variants = await findCartVariants(ctx.db, variantIds)
  const putLines: StoredLine[] = []
  for (const line of guest.lines) {
    const variant = variants.get(line.variantId)
    if (!variant?.purchasable) continue
    const mine = target.lines.find((l) => l.variantId === line.variantId)
    const quantity = Math.min((mine?.quantity ?? 0) + line.quantity, variant.available)
    if (quantity <= 0 || quantity === mine?.quantity) continue
    // A variant not sold in the user's cart currency cannot be carried over.
    if (!currentPrice(variant, target.meta.currency as CurrencyCode, target.meta.exchangeRate))
      continue
    putLines.push(lockedLine(variant, quantity, target.meta, now, settings))
  }
  const couponCodes = [...target.meta.couponCodes]
  for (const code of guest.meta.couponCodes) {
    if (!couponCodes.some((c) => c.toLowerCase() === code.toLowerCase())) couponCodes.push(code)
  }
  const meta = {
    ...target.meta,
    couponCodes,
    shippingRegion: target.meta.shippingRegion ?? guest.meta.shippingRegion,
  }
  await writeCart(ctx.redis, meta, { meta, putLines }, settings)
  await deleteCart(ctx.redis, guest.meta.id)
  const merged = await readCart(ctx.redis, meta.id, settings)
  if (!merged) throw new Error(`Cart ${meta.id} vanished right after the merge`)
  await persistSnapshot(ctx, merged, await buildCartView(ctx.db, merged, now))
  await persistSnapshot(ctx, guest, null, { mergedInto: meta.id, mergedAt: now.toISOString() })
  return meta.id
}
