import { LockedExchangeRateSchema, MoneySchema } from '@emporium/domain'
import type { Redis } from '@emporium/infra'
import { z } from 'zod'
import type { CartSettings } from './cart-settings'

/** One line as kept in Redis: the price the shopper was shown and until when it holds. */
export const StoredLineSchema = z.object({
  variantId: z.string(),
  sku: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: MoneySchema,
  lockedUntil: z.iso.datetime({ offset: true }),
})

/** Cart-wide fields kept in Redis. */
export const CartMetaSchema = z.object({
  id: z.string(),
  currency: z.string(),
  exchangeRate: LockedExchangeRateSchema.nullable(),
  /** The locked rate as the exact decimal it was read as, for the snapshot and the order. */
  exchangeRateDecimal: z.string().nullable(),
  couponCodes: z.array(z.string()),
  shippingRegion: z.string().nullable(),
  userId: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
})

export type StoredLine = z.infer<typeof StoredLineSchema>
export type CartMeta = z.infer<typeof CartMetaSchema>
/** A cart as kept in Redis. */
export interface StoredCart {
  meta: CartMeta
  lines: StoredLine[]
}

const META = 'meta'
const LINE_PREFIX = 'line:'

/** Redis key of a cart hash. */
export const cartKey = (cartId: string) => `cart:${cartId}`
/** Redis key pointing from a user to their cart id. */
export const userCartKey = (userId: string) => `user-cart:${userId}`

const ttlOf = (meta: CartMeta, settings: CartSettings) =>
  meta.userId === null ? settings.guestTtlS : settings.userTtlS

/** Reads a cart (refreshing its idle TTL); null when it does not exist or has expired. */
export async function readCart(
  redis: Redis,
  cartId: string,
  settings: CartSettings,
): Promise<StoredCart | null> {
  const hash = await redis.hgetall(cartKey(cartId))
  const rawMeta = hash[META]
  if (rawMeta === undefined) return null
  const meta = CartMetaSchema.parse(JSON.parse(rawMeta))
  const lines = Object.entries(hash)
    .filter(([field]) => field.startsWith(LINE_PREFIX))
    .map(([, value]) => StoredLineSchema.parse(JSON.parse(value)))
    .sort((a, b) => a.variantId.localeCompare(b.variantId))
  const ttl = ttlOf(meta, settings)
  const refresh = redis.multi().expire(cartKey(cartId), ttl)
  if (meta.userId !== null) refresh.expire(userCartKey(meta.userId), ttl)
  await refresh.exec()
  return { meta, lines }
}

/** Changes to write to one cart in a single MULTI. */
export interface CartWrite {
  meta?: CartMeta
  putLines?: StoredLine[]
  removeVariantIds?: string[]
}

/** Writes meta and lines atomically and refreshes the idle TTL (and the user→cart pointer). */
export async function writeCart(
  redis: Redis,
  meta: CartMeta,
  change: CartWrite,
  settings: CartSettings,
): Promise<void> {
  const key = cartKey(meta.id)
  const ttl = ttlOf(meta, settings)
  const tx = redis.multi()
  if (change.meta) tx.hset(key, META, JSON.stringify(change.meta))
  for (const line of change.putLines ?? []) {
    tx.hset(key, `${LINE_PREFIX}${line.variantId}`, JSON.stringify(line))
  }
  const removed = (change.removeVariantIds ?? []).map((id) => `${LINE_PREFIX}${id}`)
  if (removed.length > 0) tx.hdel(key, ...removed)
  tx.expire(key, ttl)
  if (meta.userId !== null) tx.set(userCartKey(meta.userId), meta.id, 'EX', ttl)
  const results = await tx.exec()
  const failed = results?.find(([error]) => error !== null)
  if (results === null || failed) {
    throw new Error(`Writing cart ${meta.id} to Redis failed`, { cause: failed?.[0] })
  }
}

/** Deletes a cart hash (after it was merged into another). */
export async function deleteCart(redis: Redis, cartId: string): Promise<void> {
  await redis.del(cartKey(cartId))
}
