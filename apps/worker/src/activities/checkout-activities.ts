import { cartKey, deleteCart, userCartKey, type CartSettings } from '@emporium/cart'
import {
  cancelPendingOrder,
  commitReservation,
  createPendingOrder,
  markOrderPaid,
  openPlanAddress,
  releaseReservation,
  reserveStock,
} from '@emporium/db'
import { reserveThroughGate, returnUnits } from '@emporium/infra'
import type { CheckoutActivities, FraudReviewActivities } from '@emporium/workflows'
import { ApplicationFailure } from '@temporalio/common'
import type { WorkerDeps } from '../deps'
import { createCheckoutPaymentActivities } from './checkout-payment-activities'
import { createFraudReviewActivities } from './fraud-review-activities'
import { refuse, validateCart } from './checkout-validation'

// Deletes the user→cart pointer only while it still names this cart (a newer cart keeps its own).
const DELETE_POINTER_IF = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`

/** Activities of checkoutWorkflow over the database, the Redis cart and gates, and the payment gateway. */
export function createCheckoutActivities(
  deps: Pick<WorkerDeps, 'db' | 'pii' | 'redis' | 'logger' | 'paymentGateway'> & {
    cartSettings?: CartSettings
  },
): CheckoutActivities & FraudReviewActivities {
  const { db, redis, logger } = deps
  return {
    validateCart: (input) => validateCart(deps, input),

    async reserveInventory({ ownerKey, lines, shippingRegion, expiresAtMs }) {
      // Flash-sale SKUs are admitted by their Redis gate first; units of a refused or repeated
      // reservation flow back to the gate.
      const result = await reserveThroughGate(redis, lines, () =>
        reserveStock(db, { ownerKey, lines, shippingRegion, expiresAt: new Date(expiresAtMs) }),
      )
      if (!result.ok) refuse('sold_out', result.message, result)
      return { reservations: result.reservations.length }
    },

    async releaseInventory({ ownerKey }) {
      const released = await releaseReservation(db, ownerKey)
      // Should this fail after the release committed, the gate stays short: never oversold.
      for (const r of released) await returnUnits(redis, r.variantId, r.quantity)
      return { released: released.reduce((n, r) => n + r.quantity, 0) }
    },

    async commitInventory({ ownerKey }) {
      const result = await commitReservation(db, ownerKey)
      if (result.outcome === 'nothing_active') {
        // Paid money is never refused: the sale stands and the shortfall is for people to see.
        logger.error({ ownerKey }, 'paid checkout found no active reservation to commit')
      }
      return { committed: result.lines.reduce((n, r) => n + r.quantity, 0) }
    },

    async createOrder({ userId, cartId, idempotencyKey, checkoutWorkflowId, plan }) {
      const result = await createPendingOrder(db, deps.pii, {
        userId,
        cartId,
        idempotencyKey,
        checkoutWorkflowId,
        currency: plan.currency,
        subtotalMinor: plan.subtotalMinor,
        discountMinor: plan.discountMinor,
        taxMinor: plan.taxMinor,
        shippingMinor: plan.shippingMinor,
        totalMinor: plan.totalMinor,
        exchangeRate: plan.exchangeRate,
        shippingAddress: openPlanAddress(deps.pii, plan.shippingAddress),
        lines: plan.lines,
        coupons: plan.coupons,
      })
      if (!result.ok && result.code === 'idempotency_key_in_use')
        refuse('cart_invalid', result.message)
      if (!result.ok)
        refuse('coupon_unavailable', result.message, { couponCode: result.couponCode })
      return { orderId: result.orderId, orderNumber: result.orderNumber }
    },

    async cancelOrder({ idempotencyKey, checkoutWorkflowId, reason, message }) {
      const result = await cancelPendingOrder(db, {
        idempotencyKey,
        checkoutWorkflowId,
        reason,
        message,
        actor: 'checkout',
      })
      if (result.outcome === 'refused') {
        throw ApplicationFailure.create({
          type: 'order_not_cancellable',
          message: result.message,
          nonRetryable: true,
        })
      }
      return { cancelled: result.outcome === 'cancelled' }
    },

    async markOrderPaid({ orderId, intentId }) {
      const result = await markOrderPaid(db, {
        orderId,
        actor: 'checkout',
        note: `payment ${intentId}`,
      })
      if (result.outcome === 'refused') {
        throw ApplicationFailure.create({
          type: 'order_not_payable',
          message: result.message,
          nonRetryable: true,
        })
      }
    },

    async clearCart({ cartId, userId }) {
      await deleteCart(redis, cartId)
      await redis.eval(DELETE_POINTER_IF, 1, userCartKey(userId), cartId)
      logger.info({ cartId, key: cartKey(cartId) }, 'checked-out cart cleared')
    },

    ...createCheckoutPaymentActivities(deps),
    ...createFraudReviewActivities(deps),
  }
}
