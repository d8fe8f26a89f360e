import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  findReview,
  findSellerRatingSummary,
  holdIfReported,
  insertReviewReport,
  insertSellerRating,
  listOrderSellersToRate,
  listTopRatedProducts,
  recordModerationDecision,
  recordReviewEvent,
  REPORTS_TO_HOLD,
  sellerExists,
} from '@emporium/db'
import {
  OrderIdInput,
  OrderSellerToRateView,
  RateSellerInput,
  ReportReviewInput,
  SellerIdInput,
  SellerRatingSummaryView,
  TopRatedProductsInput,
  TopRatedProductView,
} from '@emporium/domain/reviews'
import { authedProcedure, publicProcedure, router } from '../trpc'

/** Abuse reports, seller ratings and rating-ranked products. */
export const reviewFeedbackRouter = router({
  /** Best-rated active products (Bayesian average, so a single 5★ review cannot beat hundreds of 4.8★). */
  topRatedProducts: publicProcedure
    .input(TopRatedProductsInput)
    .output(z.array(TopRatedProductView))
    .query(async ({ ctx, input }) => {
      const rows = await listTopRatedProducts(ctx.db, input)
      return rows.map((r) => ({
        productId: r.product_id,
        name: r.name,
        slug: r.slug,
        reviewCount: r.review_count,
        average: r.average,
        bayesianAverage: r.bayesian_average,
      }))
    }),

  /** Reports a published review as abusive (once per user); enough reports hold it for a moderator. */
  report: authedProcedure
    .input(ReportReviewInput)
    .output(z.object({ reported: z.literal(true), held: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const review = await findReview(ctx.db, input.reviewId)
      if (!review || review.status !== 'published')
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such review.' })
      if (review.user_id === ctx.session.userId)
        throw new TRPCError({ code: 'FORBIDDEN', message: 'You cannot report your own review.' })
      const held = await ctx.db.transaction().execute(async (trx) => {
        if (!(await insertReviewReport(trx, review.id, ctx.session.userId, input.reason)))
          throw new TRPCError({ code: 'CONFLICT', message: 'You already reported this review.' })
        const heldNow = await holdIfReported(trx, review.id)
        if (!heldNow) return false
        await recordModerationDecision(trx, {
          reviewId: review.id,
          status: 'held',
          decidedBy: null,
          spamScore: heldNow.spam_score,
          reasons: [
            {
              signal: 'reported',
              weight: 1,
              detail: `reported as abusive by ${REPORTS_TO_HOLD} or more users`,
            },
          ],
        })
        await recordReviewEvent(trx, 'review.moderated', heldNow)
        return true
      })
      return { reported: true as const, held }
    }),

  /** Rates the seller of a delivered order of the caller's (shipping, accuracy, communication), once per order. */
  rateSeller: authedProcedure
    .input(RateSellerInput)
    .output(z.object({ rated: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.db.transaction().execute((trx) =>
        insertSellerRating(trx, ctx.session.userId, {
          orderId: input.orderId,
          sellerId: input.sellerId,
          shipping: input.shipping,
          accuracy: input.accuracy,
          communication: input.communication,
          comment: input.comment || null,
        }),
      )
      if (result === 'not_eligible')
        throw new TRPCError({
          code: 'FORBIDDEN',
          message:
            "You can rate a seller only for a delivered order of yours that contains the seller's items.",
        })
      if (result === 'already_rated')
        throw new TRPCError({
          code: 'CONFLICT',
          message: 'You already rated this seller for this order.',
        })
      return { rated: true as const }
    }),

  /** The sellers of one of the caller's orders: whose part arrived (rateable) and the caller's ratings. */
  orderSellersToRate: authedProcedure
    .input(OrderIdInput)
    .output(z.array(OrderSellerToRateView))
    .query(async ({ ctx, input }) => {
      const sellers = await listOrderSellersToRate(ctx.db, ctx.session.userId, input.orderId)
      if (sellers.length === 0)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'You have no such order.' })
      return sellers
    }),

  /** The seller's average ratings over delivered orders (updated asynchronously). */
  sellerRating: publicProcedure
    .input(SellerIdInput)
    .output(SellerRatingSummaryView)
    .query(async ({ ctx, input }) => {
      const summary = await findSellerRatingSummary(ctx.db, input.sellerId)
      if (!summary && !(await sellerExists(ctx.db, input.sellerId)))
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such seller.' })
      return {
        sellerId: input.sellerId,
        ratingCount: summary?.rating_count ?? 0,
        shipping: summary?.shipping_average ?? null,
        accuracy: summary?.accuracy_average ?? null,
        communication: summary?.communication_average ?? null,
        overall: summary?.overall_average ?? null,
      }
    }),
})
