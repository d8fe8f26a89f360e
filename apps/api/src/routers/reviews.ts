import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  findOwnReview,
  findProductRatingSummary,
  findReview,
  insertHelpfulVote,
  listPublishedReviews,
  productExists,
  recordReviewEvent,
  setSellerReply,
} from '@emporium/db'
import {
  CreateReviewInput,
  ListReviewsInput,
  OwnReviewView,
  ProductIdInput,
  productRating,
  RatingSummaryView,
  ReplyToReviewInput,
  ReviewIdInput,
  ReviewPage,
  UpdateReviewInput,
  UploadedReviewPhotoView,
  UploadReviewPhotoInput,
} from '@emporium/domain/reviews'
import { mediaStorage } from '../media/media-storage'
import { assertOwnPhotoKeys, storeReviewPhoto } from '../reviews/review-photos'
import { toListedReviewView, toOwnReviewView } from '../reviews/review-views'
import { createReview, editReview } from '../reviews/submit-review'
import { authedProcedure, mergeRouters, publicProcedure, router, sellerProcedure } from '../trpc'
import { reviewFeedbackRouter } from './review-feedback'

const noProduct = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such product.' })
const noReview = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such review.' })

async function authorName(db: Parameters<typeof findReview>[0], userId: string) {
  const row = await db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', userId)
    .executeTakeFirst()
  return row?.display_name ?? null
}

const reviewsCore = router({
  /** A page of the product's published reviews: most helpful, newest or by rating; optionally one star value; the signed-in viewer's own flagged `mine`. */
  list: publicProcedure
    .input(ListReviewsInput)
    .output(ReviewPage)
    .query(async ({ ctx, input }) => {
      const rows = await listPublishedReviews(ctx.db, {
        ...input,
        limit: input.limit + 1,
        viewerId: ctx.session?.userId,
      })
      const storage = mediaStorage(ctx.config)
      return {
        items: rows.slice(0, input.limit).map((r) => toListedReviewView(storage, r)),
        nextOffset: rows.length > input.limit ? input.offset + input.limit : null,
      }
    }),

  /** The product's rating histogram and averages (updated asynchronously after review writes). */
  ratingSummary: publicProcedure
    .input(ProductIdInput)
    .output(RatingSummaryView)
    .query(async ({ ctx, input }) => {
      const summary = await findProductRatingSummary(ctx.db, input.productId)
      if (!summary && !(await productExists(ctx.db, input.productId))) throw noProduct()
      const counts = summary
        ? ([
            summary.stars_1,
            summary.stars_2,
            summary.stars_3,
            summary.stars_4,
            summary.stars_5,
          ] as const)
        : ([0, 0, 0, 0, 0] as const)
      const rating = productRating(counts)
      return {
        productId: input.productId,
        reviewCount: rating.count,
        average: rating.average,
        histogram: counts.map((count, i) => ({ stars: i + 1, count })),
        bayesianAverage: rating.bayesianAverage,
        wilsonScore: rating.wilsonScore,
      }
    }),

  /** The caller's own review of the product with its moderation status, or null. */
  mine: authedProcedure
    .input(ProductIdInput)
    .output(OwnReviewView.nullable())
    .query(async ({ ctx, input }) => {
      const review = await findOwnReview(ctx.db, ctx.session.userId, input.productId)
      if (!review) return null
      return toOwnReviewView(
        mediaStorage(ctx.config),
        review,
        await authorName(ctx.db, ctx.session.userId),
      )
    }),

  /** Stores a photo for a review in three sizes; attach its key to `create` or `update`. */
  uploadPhoto: authedProcedure
    .input(UploadReviewPhotoInput)
    .output(UploadedReviewPhotoView)
    .mutation(({ ctx, input }) => storeReviewPhoto(ctx.config, ctx.session.userId, input.data)),

  /** Writes the caller's review (one per product); spam scoring publishes, holds or rejects it. */
  create: authedProcedure
    .input(CreateReviewInput)
    .output(OwnReviewView)
    .mutation(async ({ ctx, input }) => {
      if (!(await productExists(ctx.db, input.productId))) throw noProduct()
      assertOwnPhotoKeys(ctx.session.userId, input.photoKeys)
      const review = await createReview(ctx.db, ctx.session.userId, input)
      return toOwnReviewView(
        mediaStorage(ctx.config),
        review,
        await authorName(ctx.db, ctx.session.userId),
      )
    }),

  /** Edits the caller's own review; the edit is scored again. */
  update: authedProcedure
    .input(UpdateReviewInput)
    .output(OwnReviewView)
    .mutation(async ({ ctx, input }) => {
      const existing = await findReview(ctx.db, input.reviewId)
      if (!existing || existing.user_id !== ctx.session.userId)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'You have no such review.' })
      assertOwnPhotoKeys(ctx.session.userId, input.photoKeys)
      const review = await editReview(ctx.db, ctx.session.userId, existing, input)
      return toOwnReviewView(
        mediaStorage(ctx.config),
        review,
        await authorName(ctx.db, ctx.session.userId),
      )
    }),

  /** Marks a published review helpful; once per user. */
  voteHelpful: authedProcedure
    .input(ReviewIdInput)
    .output(z.object({ voted: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const review = await findReview(ctx.db, input.reviewId)
      if (!review || review.status !== 'published') throw noReview()
      if (review.user_id === ctx.session.userId)
        throw new TRPCError({ code: 'FORBIDDEN', message: 'You cannot vote on your own review.' })
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await insertHelpfulVote(trx, review.id, ctx.session.userId)))
          throw new TRPCError({
            code: 'CONFLICT',
            message: 'You already marked this review helpful.',
          })
        await recordReviewEvent(trx, 'review.voted', review)
      })
      return { voted: true as const }
    }),

  /** The product's seller answers a review publicly (replacing an earlier reply); the reviewer is notified. */
  reply: sellerProcedure
    .input(ReplyToReviewInput)
    .output(z.object({ replied: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.db.transaction().execute(async (trx) => {
        const review = await setSellerReply(trx, input.reviewId, ctx.seller.id, input.body)
        if (!review) {
          if (await findReview(trx, input.reviewId))
            throw new TRPCError({
              code: 'FORBIDDEN',
              message: "Only the product's seller can reply to its reviews.",
            })
          throw noReview()
        }
        await recordReviewEvent(trx, 'review.replied', review)
      })
      return { replied: true as const }
    }),
})

/** Product reviews: writing, listing, votes, reports, seller replies and seller ratings. */
export const reviewsRouter = mergeRouters(reviewsCore, reviewFeedbackRouter)
