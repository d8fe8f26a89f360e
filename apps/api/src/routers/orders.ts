import { z } from 'zod'
import {
  cancelCheckout,
  checkoutProgress,
  CheckoutProgressView,
  CheckoutRef,
  PlaceOrderInput,
  requireIdempotencyKey,
  startCheckout,
  updatePaymentMethod,
  withCheckoutAdmission,
} from '../checkout'
import { authedProcedure, router } from '../trpc'

/** Placing orders: each place starts (or finds) a durable checkout workflow the shopper follows. */
export const ordersRouter = router({
  /**
   * Starts checking out the caller's cart. Requires an Idempotency-Key header: the same key always
   * returns the same checkout, and a cart can only be in one checkout at a time.
   */
  place: authedProcedure
    .input(PlaceOrderInput)
    .output(z.object({ checkoutId: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const idempotencyKey = requireIdempotencyKey(ctx.req)
      const { checkoutId } = await withCheckoutAdmission(ctx, ctx.session.userId, () =>
        startCheckout(ctx, { ...input, idempotencyKey }),
      )
      return { checkoutId }
    }),

  /** Live progress of one of the caller's checkouts (stage, order number, failure reason). */
  progress: authedProcedure
    .input(CheckoutRef)
    .output(CheckoutProgressView)
    .query(({ ctx, input }) => checkoutProgress(ctx, input.checkoutId)),

  /** Cancels a checkout whose payment has not gone through; stock and coupons are released. */
  cancel: authedProcedure
    .input(CheckoutRef.extend({ reason: z.string().trim().max(500).optional() }))
    .output(z.object({ message: z.string() }))
    .mutation(({ ctx, input }) => cancelCheckout(ctx, input.checkoutId, input.reason)),

  /** After a declined card: tries the checkout's payment again with a new payment method. */
  updatePaymentMethod: authedProcedure
    .input(CheckoutRef.merge(PlaceOrderInput.pick({ paymentMethodToken: true })))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await updatePaymentMethod(ctx, input.checkoutId, input.paymentMethodToken)
      return { ok: true as const }
    }),
})
