import { findCartVariants, findCouponByCode, type CartVariant } from '@emporium/db'
import type { CurrencyCode } from '@emporium/domain'
import { recordCartAddAffinity } from '@emporium/infra'
import { TRPCError } from '@trpc/server'
import type { Context } from '../context'
import { createCallerCart, loadCallerCart, newCartMeta, persistSnapshot } from './cart-identity'
import {
  type CartView,
  DEFAULT_CART_SETTINGS,
  type CartCurrency,
  type CartSettings,
  readCart,
  writeCart,
  type CartMeta,
  type CartWrite,
  type StoredCart,
  type StoredLine,
  buildCartView,
  currentPrice,
  emptyCartView,
} from '@emporium/cart'
import { withCartLock } from './cart-lock'
import { trackCartActivity } from './cart-abandonment-tracking'

/** Clock and tunables of one cart operation; procedures use the defaults and the real clock. */
export interface CartOptions {
  now?: Date
  settings?: CartSettings
}

const opts = (o: CartOptions) => ({
  now: o.now ?? new Date(),
  settings: o.settings ?? DEFAULT_CART_SETTINGS,
})

/**
 * Runs `fn` on the caller's cart under its lock, re-read once the lock is held (null when the
 * caller has no cart).
 */
async function withCallerCart<T>(
  ctx: Context,
  settings: CartSettings,
  fn: (cart: StoredCart | null) => Promise<T>,
): Promise<T> {
  const found = await loadCallerCart(ctx, settings)
  if (!found) return fn(null)
  return withCartLock(ctx.redis, found.meta.id, async () =>
    fn(await readCart(ctx.redis, found.meta.id, settings)),
  )
}

/** Like `withCallerCart`, for changes that need an existing cart. */
function withExistingCart<T>(
  ctx: Context,
  settings: CartSettings,
  fn: (cart: StoredCart) => Promise<T>,
): Promise<T> {
  return withCallerCart(ctx, settings, (cart) => {
    if (!cart) throw new TRPCError({ code: 'NOT_FOUND', message: 'You have no cart yet.' })
    return fn(cart)
  })
}

/** Writes a change, re-reads and prices the cart, persists its snapshot, and returns the view. */
async function commit(
  ctx: Context,
  meta: CartMeta,
  change: CartWrite,
  now: Date,
  settings: CartSettings,
): Promise<CartView> {
  await writeCart(ctx.redis, meta, change, settings)
  const saved = await readCart(ctx.redis, meta.id, settings)
  if (!saved) throw new Error(`Cart ${meta.id} vanished right after it was written`)
  const view = await buildCartView(ctx.db, saved, now)
  await persistSnapshot(ctx, saved, view)
  trackCartActivity(ctx, saved)
  return view
}

/** A line priced now and locked for the configured time. */
export function lockedLine(
  variant: CartVariant,
  quantity: number,
  meta: CartMeta,
  now: Date,
  settings: CartSettings,
): StoredLine {
  const price = currentPrice(variant, meta.currency as CurrencyCode, meta.exchangeRate)
  if (!price) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `${variant.productName} is not sold in ${meta.currency}.`,
    })
  }
  return {
    variantId: variant.variantId,
    sku: variant.sku,
    quantity,
    unitPrice: price,
    lockedUntil: new Date(now.getTime() + settings.priceLockMs).toISOString(),
  }
}

async function purchasableVariant(ctx: Context, variantId: string): Promise<CartVariant> {
  const variant = (await findCartVariants(ctx.db, [variantId])).get(variantId)
  if (!variant?.purchasable) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'That product is not available.' })
  }
  return variant
}

function checkStock(variant: CartVariant, quantity: number): void {
  if (quantity <= variant.available) return
  throw new TRPCError({
    code: 'CONFLICT',
    message:
      variant.available === 0
        ? `${variant.productName} is out of stock.`
        : `Only ${variant.available} of ${variant.productName} left in stock.`,
  })
}

/** The caller's cart, priced now; an empty view when they have none. */
export async function getCart(ctx: Context, o: CartOptions = {}): Promise<CartView> {
  const { now, settings } = opts(o)
  const cart = await loadCallerCart(ctx, settings)
  return cart ? buildCartView(ctx.db, cart, now) : emptyCartView('USD')
}

/** Creates the caller's cart in `currency`, or switches an empty cart to it; a cart with lines keeps its currency. */
export async function setCurrency(
  ctx: Context,
  currency: CartCurrency,
  o: CartOptions = {},
): Promise<CartView> {
  const { now, settings } = opts(o)
  return withCallerCart(ctx, settings, async (cart) => {
    if (!cart) {
      const created = await createCallerCart(ctx, currency, now, settings)
      return commit(ctx, created.meta, {}, now, settings)
    }
    if (cart.meta.currency === currency) return commit(ctx, cart.meta, {}, now, settings)
    if (cart.lines.length > 0) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `Your cart is in ${cart.meta.currency}; empty it to shop in ${currency}.`,
      })
    }
    const fresh = await newCartMeta(ctx, {
      id: cart.meta.id,
      currency,
      userId: cart.meta.userId,
      now,
    })
    const meta = {
      ...fresh,
      couponCodes: cart.meta.couponCodes,
      shippingRegion: cart.meta.shippingRegion,
      createdAt: cart.meta.createdAt,
    }
    return commit(ctx, meta, { meta }, now, settings)
  })
}

/** Adds units of a variant (creating the cart if needed); re-adding re-locks the line at today's price. */
export async function addLine(
  ctx: Context,
  input: { variantId: string; quantity: number; currency?: CartCurrency | undefined },
  o: CartOptions = {},
): Promise<CartView> {
  const { now, settings } = opts(o)
  const variant = await purchasableVariant(ctx, input.variantId)
  return withCallerCart(ctx, settings, async (existing) => {
    const inCart = existing?.lines.find((l) => l.variantId === input.variantId)?.quantity ?? 0
    checkStock(variant, inCart + input.quantity)
    const cart = existing ?? (await createCallerCart(ctx, input.currency ?? 'USD', now, settings))
    const line = lockedLine(variant, inCart + input.quantity, cart.meta, now, settings)
    const view = await commit(ctx, cart.meta, { putLines: [line] }, now, settings)
    if (ctx.session)
      await recordCartAddAffinity(ctx.db, ctx.redis, ctx.session.userId, variant.productId)
    return view
  })
}

/** Sets a line's quantity (0 removes it); keeps its price lock unless the lock has run out. */
export async function updateLine(
  ctx: Context,
  input: { variantId: string; quantity: number },
  o: CartOptions = {},
): Promise<CartView> {
  const { now, settings } = opts(o)
  return withExistingCart(ctx, settings, async (cart) => {
    const line = cart.lines.find((l) => l.variantId === input.variantId)
    if (!line) throw new TRPCError({ code: 'NOT_FOUND', message: 'That item is not in your cart.' })
    if (input.quantity === 0) {
      return commit(ctx, cart.meta, { removeVariantIds: [input.variantId] }, now, settings)
    }
    const variant = await purchasableVariant(ctx, input.variantId)
    checkStock(variant, input.quantity)
    return commit(
      ctx,
      cart.meta,
      { putLines: [{ ...line, quantity: input.quantity }] },
      now,
      settings,
    )
  })
}

/** Removes a line from the cart. */
export async function removeLine(
  ctx: Context,
  variantId: string,
  o: CartOptions = {},
): Promise<CartView> {
  return updateLine(ctx, { variantId, quantity: 0 }, o)
}

/** Accepts every reported price change: changed lines are re-locked at today's price. */
export async function acknowledgePriceChanges(
  ctx: Context,
  o: CartOptions = {},
): Promise<CartView> {
  const { now, settings } = opts(o)
  return withExistingCart(ctx, settings, async (cart) => {
    const view = await buildCartView(ctx.db, cart, now)
    const changed = new Set(
      view.priceChanges.filter((c) => c.status === 'price_changed').map((c) => c.variantId),
    )
    const variants = await findCartVariants(ctx.db, [...changed])
    const putLines = cart.lines.flatMap((line) => {
      const variant = variants.get(line.variantId)
      return changed.has(line.variantId) && variant
        ? [lockedLine(variant, line.quantity, cart.meta, now, settings)]
        : []
    })
    return commit(ctx, cart.meta, { putLines }, now, settings)
  })
}

/** Enters a coupon; a coupon the rules refuse comes back as an error with the rules' message. */
export async function applyCoupon(
  ctx: Context,
  code: string,
  o: CartOptions = {},
): Promise<CartView> {
  const { now, settings } = opts(o)
  return withExistingCart(ctx, settings, async (cart) => {
    const coupon = await findCouponByCode(ctx.db, code)
    if (!coupon)
      throw new TRPCError({ code: 'NOT_FOUND', message: `Coupon ${code} does not exist.` })
    if (cart.meta.couponCodes.some((c) => c.toLowerCase() === coupon.code.toLowerCase())) {
      throw new TRPCError({ code: 'CONFLICT', message: `Coupon ${coupon.code} is already applied` })
    }
    const meta = { ...cart.meta, couponCodes: [...cart.meta.couponCodes, coupon.code] }
    const trial = await buildCartView(ctx.db, { meta, lines: cart.lines }, now)
    const refusal = trial.couponRefusals.find((r) => r.couponCode === coupon.code)
    if (refusal)
      throw new TRPCError({ code: 'BAD_REQUEST', message: refusal.message, cause: refusal })
    return commit(ctx, meta, { meta }, now, settings)
  })
}

/** Takes a coupon code off the cart. */
export async function removeCoupon(
  ctx: Context,
  code: string,
  o: CartOptions = {},
): Promise<CartView> {
  const { now, settings } = opts(o)
  return withExistingCart(ctx, settings, async (cart) => {
    const couponCodes = cart.meta.couponCodes.filter((c) => c.toLowerCase() !== code.toLowerCase())
    if (couponCodes.length === cart.meta.couponCodes.length) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `Coupon ${code} is not on your cart.` })
    }
    const meta = { ...cart.meta, couponCodes }
    return commit(ctx, meta, { meta }, now, settings)
  })
}

/** Sets the destination region, which decides the tax rate. */
export async function setShippingRegion(
  ctx: Context,
  region: string,
  o: CartOptions = {},
): Promise<CartView> {
  const { now, settings } = opts(o)
  return withExistingCart(ctx, settings, async (cart) => {
    const meta = { ...cart.meta, shippingRegion: region }
    return commit(ctx, meta, { meta }, now, settings)
  })
}
