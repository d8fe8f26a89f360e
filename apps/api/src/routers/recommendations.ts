import { clickThroughByAlgorithm, recordClick } from '@emporium/db'
import {
  ClickThroughRatesInput,
  ClickThroughReport,
  PopularRecommendationsInput,
  RECOMMENDATION_EXPERIMENT,
  RecommendationClickInput,
  RecommendationClickResult,
  RecommendationsForProductInput,
  RecommendationsForUserInput,
  ServedRecommendations,
} from '@emporium/domain/recommendations'
import { TRPCError } from '@trpc/server'
import {
  recommendForProduct,
  recommendForUser,
  recommendPopular,
} from '../recommendations/serve-recommendations'
import { adminProcedure, publicProcedure, router } from '../trpc'

const DAY_MS = 86_400_000

/** Recommendation lists for the storefront, click tracking and the A/B report. */
export const recommendationsRouter = router({
  /** Products to show beside a product; in-stock only, without what the caller has or bought. */
  forProduct: publicProcedure
    .input(RecommendationsForProductInput)
    .output(ServedRecommendations)
    .query(({ ctx, input }) => recommendForProduct(ctx, input)),

  /** The caller's personal list (home page), adjusted in real time by recent views and the cart. */
  forUser: publicProcedure
    .input(RecommendationsForUserInput)
    .output(ServedRecommendations)
    .query(({ ctx, input }) => recommendForUser(ctx, input)),

  /** Best sellers of the shop or of a category. */
  popular: publicProcedure
    .input(PopularRecommendationsInput)
    .output(ServedRecommendations)
    .query(({ ctx, input }) => recommendPopular(ctx, input)),

  /** Records that a shown product was opened, attributed to the algorithm that showed it. */
  click: publicProcedure
    .input(RecommendationClickInput)
    .output(RecommendationClickResult)
    .mutation(async ({ ctx, input }) => {
      const outcome = await recordClick(ctx.db, input.impressionId, input.productId)
      if (outcome === 'not_shown')
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: 'That product was not part of this recommendation list.',
        })
      return { recorded: outcome === 'recorded' }
    }),

  /** Impressions, clicks and click-through rate per surface and algorithm (A/B comparison). */
  clickThroughRates: adminProcedure
    .input(ClickThroughRatesInput)
    .output(ClickThroughReport)
    .query(async ({ ctx, input }) => {
      const since =
        input.since === undefined ? new Date(Date.now() - 30 * DAY_MS) : new Date(input.since)
      const rows = await clickThroughByAlgorithm(ctx.db, RECOMMENDATION_EXPERIMENT, since)
      return { experiment: RECOMMENDATION_EXPERIMENT, since: since.toISOString(), rows }
    }),
})
