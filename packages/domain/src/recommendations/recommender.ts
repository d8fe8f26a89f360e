import { contentBased } from './content-based'
import type { ContentModel, ContentOptions } from './content-based'
import { itemCf } from './item-cf'
import type { ItemCfModel, ItemCfOptions } from './item-cf'
import { categoryBestSellers, popularity } from './popularity'
import type { PopularityModel, PopularityOptions } from './popularity'
import { maxNormalised } from './ranking'
import type { Interaction, ItemMeta, ScoredItem } from './types'

/** The recommenders that can be served (and A/B tested against each other). */
export type Algorithm = 'popularity' | 'item_cf' | 'content' | 'hybrid'

/** Every servable algorithm, in report order. */
export const ALGORITHMS: readonly Algorithm[] = ['popularity', 'item_cf', 'content', 'hybrid']

/** Options for each trained part of the recommender. */
export interface RecommenderOptions {
  popularity?: PopularityOptions
  itemCf?: ItemCfOptions
  content?: ContentOptions
}

/** Everything the daily job trains once and every request reads. */
export interface Recommender {
  items: Map<string, ItemMeta>
  popularity: PopularityModel
  /** Popularity scaled to [0, 1] by the best seller, used as a prior in the hybrid blend. */
  popularityPrior: Map<string, number>
  bestSellers: Map<string, ScoredItem[]>
  cf: ItemCfModel
  content: ContentModel
}

/** Trains popularity, category best sellers, item-CF and content neighbours from interactions and catalog metadata. */
export function trainRecommender(
  interactions: readonly Interaction[],
  items: readonly ItemMeta[],
  options: RecommenderOptions = {},
): Recommender {
  const popularityModel = popularity(interactions, options.popularity)
  return {
    items: new Map(items.map((item) => [item.itemId, item])),
    popularity: popularityModel,
    popularityPrior: maxNormalised(popularityModel.scores),
    bestSellers: categoryBestSellers(popularityModel, items),
    cf: itemCf(interactions, options.itemCf),
    content: contentBased(items, options.content),
  }
}
