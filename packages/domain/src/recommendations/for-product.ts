import { DEFAULT_HYBRID_WEIGHTS, fillWithFallback, hybridScores } from './hybrid'
import type { HybridWeights } from './hybrid'
import { assertK, topK } from './ranking'
import type { Algorithm, Recommender } from './recommender'
import type { ScoredItem } from './types'

/** Options for a product page's "customers also bought" list. */
export interface ForProductOptions {
  k: number
  algorithm?: Algorithm
  weights?: Partial<HybridWeights>
  /** Item ids that cannot be sold now (out of stock, unpublished). */
  unavailable?: Iterable<string>
  /** Further ids to leave out, e.g. what the viewer already bought. */
  exclude?: Iterable<string>
  popularPool?: number
}

/** Recommends `k` items to show beside a product; unknown or cold products fall back to their category's best sellers. */
export function forProduct(
  model: Recommender,
  itemId: string,
  options: ForProductOptions,
): ScoredItem[] {
  const { k, algorithm = 'hybrid', popularPool = 50 } = options
  assertK(k)
  const exclude = new Set([itemId, ...(options.unavailable ?? []), ...(options.exclude ?? [])])
  const category = model.items.get(itemId)?.category
  const fallbacks = [
    (category !== undefined ? model.bestSellers.get(category) : undefined) ?? [],
    model.popularity.ranked,
  ]
  if (algorithm === 'popularity') return fillWithFallback([], fallbacks, k, exclude)
  const cf = new Map((model.cf.neighbours.get(itemId) ?? []).map((n) => [n.itemId, n.score]))
  const content = new Map(
    (model.content.neighbours.get(itemId) ?? []).map((n) => [n.itemId, n.score]),
  )
  let scores: Map<string, number>
  if (algorithm === 'item_cf') scores = cf
  else if (algorithm === 'content') scores = content
  else {
    const weights = { ...DEFAULT_HYBRID_WEIGHTS, ...options.weights }
    const popular = model.popularity.ranked.slice(0, popularPool)
    scores = hybridScores({ cf, content, prior: model.popularityPrior, popular }, weights)
  }
  return fillWithFallback(topK(scores, k, exclude), fallbacks, k, exclude)
}
