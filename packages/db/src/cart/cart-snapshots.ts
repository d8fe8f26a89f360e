import type { Db } from '../client'
import { toJson } from '../json'

/** One cart as persisted for abandonment recovery and analytics. */
export interface CartSnapshotInput {
  id: string
  userId: string | null
  currency: string
  /** The locked exchange rate as an exact decimal string, when the cart converts prices. */
  exchangeRate: string | null
  snapshot: Record<string, unknown>
}

/** Inserts or replaces the snapshot row of a cart (keyed by cart id), stamping `updated_at`. */
export async function upsertCartSnapshot(db: Db, cart: CartSnapshotInput): Promise<void> {
  await db
    .insertInto('carts')
    .values({
      id: cart.id,
      user_id: cart.userId,
      currency: cart.currency,
      exchange_rate: cart.exchangeRate,
      snapshot: toJson(cart.snapshot),
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        user_id: cart.userId,
        currency: cart.currency,
        exchange_rate: cart.exchangeRate,
        snapshot: toJson(cart.snapshot),
        updated_at: new Date(),
      }),
    )
    .execute()
}

/** The persisted snapshot row of a cart, if any. */
export async function findCartSnapshot(db: Db, cartId: string) {
  return db.selectFrom('carts').selectAll().where('id', '=', cartId).executeTakeFirst()
}
