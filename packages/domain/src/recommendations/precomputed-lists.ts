import { forProduct } from './for-product'
import { forUser } from './for-user'
import type { ItemCfOptions } from './item-cf'
import { ALGORITHMS, trainRecommender } from './recommender'
import type { Interaction, ItemMeta, ScoredItem } from './types'

/** One list the daily job stores: per product, per user, or best sellers (`all` or `category:<path>`). */
export interface PrecomputedList {
  kind: 'product' | 'user' | 'popular'
  subjectId: string
  algorithm: string
  items: ScoredItem[]
}

/** Tunables of the daily job's models. */
export interface RecommenderSettings {
  itemCf?: ItemCfOptions
  /** Half-life in days of an interaction's weight in popularity (recent best sellers rank first). */
  popularityHalfLifeDays?: number
}

/**
 * Cosine co-occurrence, mildly damped by the neighbour's popularity so "also bought" is not just the
 * best sellers; popularity decays with a 60-day half-life (the offline evaluation's tuned value).
 */
export const DEFAULT_RECOMMENDER_SETTINGS: Required<RecommenderSettings> = {
  itemCf: { similarity: 'cosine', alpha: 0.3, neighbours: 50 },
  popularityHalfLifeDays: 60,
}

/**
 * Every list the shop serves, for each algorithm: per product ("also bought" / similar), per user
 * with history (hybrid re-rank of their recent items, category best sellers for the cold start),
 * the global best sellers and each category's best sellers.
 */
export function buildPrecomputedLists(
  interactions: readonly Interaction[],
  items: readonly ItemMeta[],
  options: RecommenderSettings & { listSize: number; now: number },
): PrecomputedList[] {
  const settings = { ...DEFAULT_RECOMMENDER_SETTINGS, ...options }
  const model = trainRecommender(interactions, items, {
    itemCf: settings.itemCf,
    popularity: { now: options.now, halfLifeDays: settings.popularityHalfLifeDays },
  })
  const k = options.listSize
  const lists: PrecomputedList[] = []
  for (const item of items) {
    for (const algorithm of ALGORITHMS) {
      const ranked = forProduct(model, item.itemId, { k, algorithm })
      lists.push({ kind: 'product', subjectId: item.itemId, algorithm, items: ranked })
    }
  }
  const histories = new Map<string, Interaction[]>()
  for (const interaction of interactions) {
    const history = histories.get(interaction.userId)
    if (history) history.push(interaction)
    else histories.set(interaction.userId, [interaction])
  }
  for (const [userId, history] of histories) {
    for (const algorithm of ALGORITHMS) {
      const ranked = forUser(model, history, { k, algorithm })
      lists.push({ kind: 'user', subjectId: userId, algorithm, items: ranked })
    }
  }
  lists.push({
    kind: 'popular',
    subjectId: 'all',
    algorithm: 'popularity',
    items: model.popularity.ranked.slice(0, k),
  })
  for (const [category, ranked] of model.bestSellers) {
    lists.push({
      kind: 'popular',
      subjectId: `category:${category}`,
      algorithm: 'popularity',
      items: ranked.slice(0, k),
    })
  }
  return lists
}
