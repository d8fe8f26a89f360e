import { z } from 'zod'

/** Sort orders a shopper can pick. */
export const SEARCH_SORTS = [
  'relevance',
  'price_asc',
  'price_desc',
  'rating',
  'newest',
  'popularity',
] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

/** Filters of a search; they all compose (AND). Prices are minor units of the query currency. */
export const SearchFiltersSchema = z.object({
  brands: z.array(z.string().min(1).max(200)).max(50).optional(),
  /** A category slug path; products of its descendants match too. */
  categoryPath: z.string().min(1).max(500).optional(),
  priceMin: z.number().int().min(0).optional(),
  priceMax: z.number().int().min(0).optional(),
  ratingMin: z.number().min(0).max(5).optional(),
  inStock: z.boolean().optional(),
  sellerIds: z.array(z.uuid()).max(50).optional(),
})
export type SearchFilters = z.infer<typeof SearchFiltersSchema>

/** A shopper's normalised affinities (weights in 0..1) used to boost matching results. */
export interface Personalization {
  categoryAffinity: Record<string, number>
  brandAffinity: Record<string, number>
}

/** One search request. */
export interface SearchQuery {
  q: string
  filters: SearchFilters
  sort: SearchSort
  /** ISO currency of prices, price filters and price facets. */
  currency: string
  page: number
  perPage: number
  personalization?: Personalization
}

export const SearchHitSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  slug: z.string(),
  brand: z.string().nullable(),
  categoryPath: z.string().nullable(),
  priceMinor: z.number().int(),
  currency: z.string(),
  ratingAvg: z.number().nullable(),
  /** Out-of-stock products are still listed (after the in-stock ones) and flagged here. */
  inStock: z.boolean(),
  score: z.number(),
})
export type SearchHit = z.infer<typeof SearchHitSchema>

const FacetCounts = z.array(z.object({ value: z.string(), count: z.number().int() }))
export type FacetCount = z.infer<typeof FacetCounts>[number]

export const SearchResultSchema = z.object({
  hits: z.array(SearchHitSchema),
  total: z.number().int(),
  facets: z.object({
    brand: FacetCounts,
    /** Counts per category path, ancestors included (a product counts for each level). */
    category: FacetCounts,
    /** Price bands of the query currency, e.g. `0-2500` (minor units, upper bound exclusive). */
    price_range: FacetCounts,
    /** `4` = rated 4 and up, cumulative. */
    rating: FacetCounts,
    in_stock: FacetCounts,
    seller: FacetCounts,
  }),
  didYouMean: z.string().optional(),
  /**
   * Present when a broad query's `total` is an estimate and its facets count only its first
   * `facetWindow` matches (by stock, then popularity): the PostgreSQL engine bounds the work per
   * query this way. Absent means `total` and the facet counts are exact.
   */
  approximate: z.object({ facetWindow: z.number().int() }).optional(),
})
export type SearchResult = z.infer<typeof SearchResultSchema>

export const AutocompleteResultSchema = z.object({
  products: z.array(z.object({ productId: z.uuid(), name: z.string(), slug: z.string() })),
  categories: z.array(z.object({ path: z.string(), name: z.string(), count: z.number().int() })),
})
export type AutocompleteResult = z.infer<typeof AutocompleteResultSchema>

/** What the index holds for one sellable (active, priced) product. */
export interface SearchDocument {
  id: string
  name: string
  slug: string
  brand: string | null
  description: string
  tags: string[]
  sellerId: string
  /** Leaf category path, or null when uncategorised. */
  categoryPath: string | null
  /** The leaf path and every ancestor path. */
  categoryPaths: string[]
  /** Category names from the root to the leaf. */
  categoryNames: string[]
  /** Lowest variant price per currency, minor units. */
  prices: Record<string, number>
  ratingAvg: number | null
  ratingCount: number
  /**
   * Mean of the published reviews damped toward a prior (`product_rating_summaries.bayesian_average`),
   * what "best rated" sorts by; null without reviews.
   */
  ratingBayesian: number | null
  popularity: number
  inStock: boolean
  createdAt: Date
}

/** Progress of a full reindex. */
export interface ReindexProgress {
  done: number
  total: number
}

/** A search backend; every engine passes the same contract suite. */
export interface SearchEngine {
  readonly kind: 'typesense' | 'postgres'
  search(query: SearchQuery): Promise<SearchResult>
  autocomplete(prefix: string, limit: number): Promise<AutocompleteResult>
  /** Upserts documents into the live index. */
  index(docs: readonly SearchDocument[]): Promise<void>
  /** Removes products from the live index; unknown ids are ignored. */
  remove(ids: readonly string[]): Promise<void>
  /** Builds a fresh index from the database beside the live one and swaps it in atomically. */
  reindex(onProgress?: (progress: ReindexProgress) => void): Promise<{ indexed: number }>
  /** Creates the live index if there is none yet (idempotent). */
  ensureReady(): Promise<void>
}
