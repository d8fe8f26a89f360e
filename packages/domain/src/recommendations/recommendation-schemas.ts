import { z } from 'zod'
import { ProductCard } from '../catalog/listing'
import { CurrencyCodeSchema } from '../money/currency'
import { ALGORITHMS } from './recommender'

/** The A/B experiment that assigns each visitor one recommendation algorithm. */
export const RECOMMENDATION_EXPERIMENT = 'recs-algorithm-v1'

/** Most items one recommendation list serves. */
export const MAX_RECOMMENDATIONS = 24

const Limit = z
  .number({ error: 'Limit must be a whole number' })
  .int({ error: 'Limit must be a whole number' })
  .min(1, { error: 'Limit must be at least 1' })
  .max(MAX_RECOMMENDATIONS, { error: `Limit must be at most ${MAX_RECOMMENDATIONS}` })
  .default(8)

/** A signed-out visitor's stable id (e.g. a first-party cookie), used only to pick their A/B variant. */
const VisitorId = z
  .string()
  .regex(/^[\w-]{8,64}$/, { error: 'Visitor id must be 8 to 64 letters, digits, - or _' })
  .optional()

const Common = { limit: Limit, currency: CurrencyCodeSchema.default('USD'), visitorId: VisitorId }

/** Input of `recommendations.forProduct`: what to show beside a product. */
export const RecommendationsForProductInput = z.object({
  productId: z.uuid({ error: 'Unknown product' }),
  ...Common,
})

/** Input of `recommendations.forUser`: the caller's personal list (home page). */
export const RecommendationsForUserInput = z.object(Common)

/** Input of `recommendations.popular`: best sellers, of a category when given. */
export const PopularRecommendationsInput = z.object({
  categoryPath: z.string().min(1).max(300).optional(),
  ...Common,
})

/** One served list: the products and which algorithm (A/B variant) chose them. */
export const ServedRecommendations = z.object({
  /** Pass back with `recommendations.click`; null when the visitor is in no experiment (no id). */
  impressionId: z.uuid().nullable(),
  algorithm: z.enum(ALGORITHMS as [string, ...string[]]),
  variant: z.string(),
  items: z.array(ProductCard),
})
export type ServedRecommendations = z.infer<typeof ServedRecommendations>

/** Input of `recommendations.click`: a shown product was opened. */
export const RecommendationClickInput = z.object({
  impressionId: z.uuid({ error: 'Unknown impression' }),
  productId: z.uuid({ error: 'Unknown product' }),
})

/** Output of `recommendations.click`: false when this click was already counted. */
export const RecommendationClickResult = z.object({ recorded: z.boolean() })

/** Input of `recommendations.clickThroughRates`: the period to report, by default the last 30 days. */
export const ClickThroughRatesInput = z.object({ since: z.iso.datetime().optional() })

/** Click-through per surface and algorithm of the A/B experiment. */
export const ClickThroughReport = z.object({
  experiment: z.string(),
  since: z.iso.datetime(),
  rows: z.array(
    z.object({
      surface: z.enum(['product', 'user', 'popular']),
      algorithm: z.string(),
      impressions: z.number().int(),
      clicks: z.number().int(),
      ctr: z.number(),
    }),
  ),
})
export type ClickThroughReport = z.infer<typeof ClickThroughReport>
