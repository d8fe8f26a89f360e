import { randomUUID } from 'node:crypto'
import type { Db } from '../client'
import { redeemCoupon } from '../cart/coupons'
import type { PiiKeyRing } from '../pii/envelope-cipher'
import { sealShippingAddress } from '../pii/sealed-shipping-address'

/** One order line as bought: names, SKU and amounts are copied so catalogue edits never change it. */
export interface PendingOrderLine {
  variantId: string
  productId: string
  sellerId: string
  productName: string
  sku: string
  unitPriceMinor: number
  quantity: number
  taxMinor: number
  /** Line-level plus this line's share of order-wide discounts. */
  discountMinor: number
}

/** A coupon the order uses, with the discount it gave. */
export interface PendingOrderCoupon {
  couponId: number
  code: string
  discountMinor: number
}

export interface PendingOrderInput {
  userId: string
  cartId: string | null
  /** The client's Idempotency-Key: a repeat with the same key returns the first order. */
  idempotencyKey: string
  checkoutWorkflowId: string
  currency: string
  subtotalMinor: number
  discountMinor: number
  taxMinor: number
  shippingMinor: number
  totalMinor: number
  /** The cart's locked exchange rate as an exact decimal, when its currency was converted. */
  exchangeRate: { base: string; rate: string } | null
  /** The address snapshot in plaintext; stored sealed (country and region stay readable). */
  shippingAddress: Record<string, unknown>
  lines: readonly PendingOrderLine[]
  coupons: readonly PendingOrderCoupon[]
}

/**
 * The order (new, or the one an earlier call of the same checkout with the same key created), the
 * coupon refused, or the key already naming another checkout's order (never handed out).
 */
export type CreatePendingOrderResult =
  | { ok: true; created: boolean; orderId: string; orderNumber: number }
  | { ok: false; code: 'coupon_unavailable'; couponCode: string; message: string }
  | { ok: false; code: 'idempotency_key_in_use'; message: string }

class CouponRefused extends Error {
  constructor(
    readonly couponCode: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Creates a pending order with its lines, its first status-history row and its coupon redemptions
 * in one transaction. Idempotent on the idempotency key: a retried call returns the same order. A
 * coupon at its total or per-customer limit rolls everything back and is reported, not thrown.
 */
export async function createPendingOrder(
  db: Db,
  pii: PiiKeyRing,
  input: PendingOrderInput,
): Promise<CreatePendingOrderResult> {
  // The id is chosen here because the sealed address is bound to it.
  const id = randomUUID()
  try {
    return await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('orders')
        .values({
          id,
          user_id: input.userId,
          cart_id: input.cartId,
          currency: input.currency,
          subtotal_minor: input.subtotalMinor,
          discount_minor: input.discountMinor,
          tax_minor: input.taxMinor,
          shipping_minor: input.shippingMinor,
          total_minor: input.totalMinor,
          idempotency_key: input.idempotencyKey,
          checkout_workflow_id: input.checkoutWorkflowId,
          exchange_rate_base: input.exchangeRate?.base ?? null,
          exchange_rate: input.exchangeRate?.rate ?? null,
          ...sealShippingAddress(pii, id, input.shippingAddress),
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning(['id', 'number'])
        .executeTakeFirst()
      if (!inserted) {
        const existing = await trx
          .selectFrom('orders')
          .select(['id', 'number', 'user_id', 'checkout_workflow_id'])
          .where('idempotency_key', '=', input.idempotencyKey)
          .executeTakeFirstOrThrow()
        // Keys are unique across all shoppers: another shopper's (or another cart's) order with
        // this key is theirs, and must never be charged or confirmed by this checkout.
        if (
          existing.user_id !== input.userId ||
          existing.checkout_workflow_id !== input.checkoutWorkflowId
        ) {
          return {
            ok: false as const,
            code: 'idempotency_key_in_use' as const,
            message:
              'This Idempotency-Key already names another order; place the order again with a new key.',
          }
        }
        return {
          ok: true as const,
          created: false,
          orderId: existing.id,
          orderNumber: Number(existing.number),
        }
      }
      if (input.lines.length > 0) {
        await trx
          .insertInto('order_items')
          .values(
            input.lines.map((l) => ({
              order_id: inserted.id,
              seller_id: l.sellerId,
              variant_id: l.variantId,
              product_id: l.productId,
              product_name: l.productName,
              sku: l.sku,
              unit_price_minor: l.unitPriceMinor,
              quantity: l.quantity,
              tax_minor: l.taxMinor,
              discount_minor: l.discountMinor,
            })),
          )
          .execute()
      }
      await trx
        .insertInto('order_status_history')
        .values({
          order_id: inserted.id,
          from_status: null,
          to_status: 'pending',
          actor: 'checkout',
        })
        .execute()
      // Coupon rows are locked in id order so two orders using the same coupons cannot deadlock.
      for (const coupon of [...input.coupons].sort((a, b) => a.couponId - b.couponId)) {
        const result = await redeemCoupon(trx, {
          couponId: coupon.couponId,
          userId: input.userId,
          orderId: inserted.id,
          discountMinor: coupon.discountMinor,
        })
        if (result.status === 'refused') {
          throw new CouponRefused(
            coupon.code,
            result.reason === 'unknown_coupon'
              ? `Coupon ${coupon.code} no longer exists.`
              : result.reason === 'usage_limit_reached'
                ? `Coupon ${coupon.code} has been used up.`
                : `You have already used coupon ${coupon.code} as often as it allows.`,
          )
        }
      }
      return {
        ok: true as const,
        created: true,
        orderId: inserted.id,
        orderNumber: Number(inserted.number),
      }
    })
  } catch (error) {
    if (error instanceof CouponRefused) {
      return {
        ok: false,
        code: 'coupon_unavailable',
        couponCode: error.couponCode,
        message: error.message,
      }
    }
    throw error
  }
}

/** Who placed the order an Idempotency-Key names, and its checkout; undefined for an unused key. */
export function findOrderByIdempotencyKey(
  db: Db,
  idempotencyKey: string,
): Promise<{ userId: string; checkoutWorkflowId: string | null } | undefined> {
  return db
    .selectFrom('orders')
    .select(['user_id as userId', 'checkout_workflow_id as checkoutWorkflowId'])
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst()
}
