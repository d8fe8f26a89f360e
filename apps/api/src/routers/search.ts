import { z } from 'zod'
import { CurrencyCodeSchema } from '@emporium/domain'
import {
  AutocompleteResultSchema,
  loadPersonalization,
  SEARCH_SORTS,
  SearchFiltersSchema,
  SearchResultSchema,
} from '@emporium/infra'
import { consumeOrThrow } from '../protection/rate-limits'
import { publicProcedure, router } from '../trpc'

const SearchProductsInput = z.object({
  q: z.string().max(200).default(''),
  filters: SearchFiltersSchema.default({}),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  currency: CurrencyCodeSchema.default('USD'),
  page: z.number().int().min(1).max(100).default(1),
  perPage: z.number().int().min(1).max(100).default(24),
  /** Signed-in shoppers get results boosted by their affinities unless they turn it off. */
  personalize: z.boolean().default(true),
})

const AutocompleteInput = z.object({
  prefix: z.string().max(100).default(''),
  limit: z.number().int().min(1).max(20).default(8),
})

export const searchRouter = router({
  /** Full-text product search with filters, facets, sorting, "did you mean" and personal ranking. */
  products: publicProcedure
    .input(SearchProductsInput)
    .output(SearchResultSchema)
    .query(async ({ ctx, input }) => {
      await consumeOrThrow(ctx.rateLimiters.searchPerIp, ctx.ip, 'searches')
      const personalization =
        input.personalize && ctx.session
          ? await loadPersonalization(ctx.redis, ctx.session.userId)
          : undefined
      return ctx.searchEngine.search({ ...input, personalization })
    }),

  /** Product and category suggestions for what the shopper has typed so far. */
  autocomplete: publicProcedure
    .input(AutocompleteInput)
    .output(AutocompleteResultSchema)
    .query(async ({ ctx, input }) => {
      await consumeOrThrow(ctx.rateLimiters.searchPerIp, ctx.ip, 'searches')
      return ctx.searchEngine.autocomplete(input.prefix, input.limit)
    }),
})
