import {
  CartMetaSchema,
  DEFAULT_CART_SETTINGS,
  readCart,
  StoredLineSchema,
  userCartKey,
  writeCart,
  type CartSettings,
  type StoredCart,
} from '@emporium/cart'
import { findCartSnapshot, type Db } from '@emporium/db'
import type { Redis } from '@emporium/infra'
import { z } from 'zod'

const SnapshotSchema = CartMetaSchema.extend({ lines: z.array(StoredLineSchema) })

/**
 * Brings a cart back for a restore link: the live Redis cart when it still exists, else the copy
 * persisted in Postgres (written again to Redis). A signed-in shopper's cart becomes their current
 * cart again unless they have started another one. Null when the cart is unknown.
 */
export async function restoreCart(
  deps: { db: Db; redis: Redis },
  cartId: string,
  settings: CartSettings = DEFAULT_CART_SETTINGS,
): Promise<StoredCart | null> {
  let cart = await readCart(deps.redis, cartId, settings)
  if (!cart) {
    const row = await findCartSnapshot(deps.db, cartId)
    const parsed = row ? SnapshotSchema.safeParse(row.snapshot) : null
    if (!parsed?.success) return null
    const { lines, ...meta } = parsed.data
    await writeCart(deps.redis, meta, { meta, putLines: lines }, settings)
    cart = { meta, lines }
  }
  const userId = cart.meta.userId
  if (userId !== null) {
    // NX: a cart the shopper started since then stays their current one.
    await deps.redis.set(userCartKey(userId), cart.meta.id, 'EX', settings.userTtlS, 'NX')
  }
  return cart
}
