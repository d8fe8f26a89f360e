import { randomUUID } from 'node:crypto'
import { findExchangeRate, upsertCartSnapshot } from '@emporium/db'
import { lockExchangeRate } from '@emporium/domain'
import { TRPCError } from '@trpc/server'
import type { Context } from '../context'
import { readCartCookie, setCartCookie } from './cart-cookie'
import {
  type CartView,
  BASE_CURRENCY,
  type CartCurrency,
  type CartSettings,
  readCart,
  userCartKey,
  writeCart,
  type CartMeta,
  type StoredCart,
} from '@emporium/cart'

/** The cart of the caller: a signed-in user's own cart, or the guest cart named by the cookie. */
export async function loadCallerCart(
  ctx: Context,
  settings: CartSettings,
): Promise<StoredCart | null> {
  if (ctx.session) {
    const cartId = await ctx.redis.get(userCartKey(ctx.session.userId))
    if (cartId === null) return null
    const cart = await readCart(ctx.redis, cartId, settings)
    return cart?.meta.userId === ctx.session.userId ? cart : null
  }
  const cartId = readCartCookie(ctx.req)
  if (cartId === null) return null
  const cart = await readCart(ctx.redis, cartId, settings)
  // A cookie naming a signed-in user's cart gives a guest nothing.
  return cart?.meta.userId === null ? cart : null
}

/**
 * Cart-wide fields for a new cart in `currency`. When the currency is not the catalogue's base
 * currency, today's rate is locked into the cart; a currency without a rate is refused.
 */
export async function newCartMeta(
  ctx: Context,
  input: { id: string; currency: CartCurrency; userId: string | null; now: Date },
): Promise<CartMeta> {
  let exchangeRateDecimal: string | null = null
  if (input.currency !== BASE_CURRENCY) {
    exchangeRateDecimal = await findExchangeRate(ctx.db, BASE_CURRENCY, input.currency)
    if (exchangeRateDecimal === null) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `Carts in ${input.currency} are not available right now.`,
      })
    }
  }
  return {
    id: input.id,
    currency: input.currency,
    exchangeRate:
      exchangeRateDecimal === null
        ? null
        : lockExchangeRate(
            { from: BASE_CURRENCY, to: input.currency, rate: exchangeRateDecimal },
            input.now,
          ),
    exchangeRateDecimal,
    couponCodes: [],
    shippingRegion: null,
    userId: input.userId,
    createdAt: input.now.toISOString(),
  }
}

/** Creates an empty cart for the caller (user pointer or guest cookie) and returns it. */
export async function createCallerCart(
  ctx: Context,
  currency: CartCurrency,
  now: Date,
  settings: CartSettings,
): Promise<StoredCart> {
  const userId = ctx.session?.userId ?? null
  const meta = await newCartMeta(ctx, { id: randomUUID(), currency, userId, now })
  await writeCart(ctx.redis, meta, { meta }, settings)
  if (userId === null) setCartCookie(ctx.res, meta.id, settings.guestTtlS, ctx.config.COOKIE_SECURE)
  return { meta, lines: [] }
}

/** Persists the cart snapshot to Postgres (abandonment recovery, analytics); failures are logged and rethrown. */
export async function persistSnapshot(
  ctx: Context,
  cart: StoredCart,
  view: CartView | null,
  extra: Record<string, unknown> = {},
): Promise<void> {
  try {
    await upsertCartSnapshot(ctx.db, {
      id: cart.meta.id,
      userId: cart.meta.userId,
      currency: cart.meta.currency,
      exchangeRate: cart.meta.exchangeRateDecimal,
      snapshot: {
        ...cart.meta,
        lines: cart.lines,
        totals: view?.totals ?? null,
        priceChanges: view?.priceChanges ?? [],
        ...extra,
      },
    })
  } catch (error) {
    ctx.logger.error(
      { err: error, cartId: cart.meta.id, requestId: ctx.requestId },
      'saving the cart snapshot failed',
    )
    throw error
  }
}
