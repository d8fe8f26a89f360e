import { timeSplit, trainRecommender } from '@emporium/domain/recommendations'
import type {
  HybridWeights,
  Interaction,
  ItemMeta,
  Similarity,
} from '@emporium/domain/recommendations'
import { evalUsers, evaluate } from './evaluate'

/** What co-occurrence counts within: one shopping trip, or a member's whole history. */
export type BasketUnit = 'trip' | 'member'

/** The knobs chosen on the validation split and reused, unchanged, on the test period. */
export interface TunedConfig {
  basketUnit: BasketUnit
  similarity: Similarity
  alpha: number
  /** History recency half-life (days) of the user profile. */
  halfLifeDays: number | undefined
  /** Recency half-life (days) of the popularity prior, counted back from the end of train. */
  popularityHalfLifeDays: number | undefined
  weights: HybridWeights
}

/** One tried configuration and its validation NDCG. */
export interface Trial {
  config: TunedConfig
  ndcg: number
}

/** Drops basket ids when co-occurrence should span a member's whole history. */
export function forBasketUnit(
  interactions: readonly Interaction[],
  unit: BasketUnit,
): Interaction[] {
  return unit === 'trip'
    ? [...interactions]
    : interactions.map(({ basketId: _basketId, ...rest }) => rest)
}

/** Trains the recommender for a config; `now` (end of train) anchors the popularity decay. */
export function trainWith(
  interactions: readonly Interaction[],
  items: readonly ItemMeta[],
  config: TunedConfig,
  now: number,
) {
  const halfLifeDays = config.popularityHalfLifeDays
  return trainRecommender(forBasketUnit(interactions, config.basketUnit), items, {
    itemCf: { similarity: config.similarity, alpha: config.alpha },
    popularity: halfLifeDays === undefined ? {} : { now, halfLifeDays },
  })
}

/**
 * Grid search on a validation split carved from train only (train before `validationCutoff`, validate
 * on train after it), scored by new-item NDCG@k: item-CF's knobs alone, the popularity prior's half-life
 * alone, then the hybrid blend's weights and history half-life.
 */
export function tune(
  train: readonly Interaction[],
  items: readonly ItemMeta[],
  validationCutoff: number,
  k: number,
): { best: Trial; popularityNdcg: number; recentPopularityNdcg: number; trials: number } {
  const split = timeSplit(train, validationCutoff)
  const users = evalUsers(split.train, split.test)
  let trials = 0
  const base: TunedConfig = {
    basketUnit: 'trip',
    similarity: 'cosine',
    alpha: 0,
    halfLifeDays: undefined,
    popularityHalfLifeDays: undefined,
    weights: { cf: 1, content: 0, popularity: 0 },
  }
  let bestCf: Trial | undefined
  for (const basketUnit of ['trip', 'member'] as const) {
    for (const similarity of ['cosine', 'jaccard'] as const) {
      for (const alpha of [0, 0.25, 0.5]) {
        const config = { ...base, basketUnit, similarity, alpha }
        const ndcg = evaluate(
          trainWith(split.train, items, config, validationCutoff),
          users,
          'item_cf',
          'new_items',
          k,
        ).ndcg_at_k
        trials += 1
        if (!bestCf || ndcg > bestCf.ndcg) bestCf = { config, ndcg }
      }
    }
  }
  const popularityNdcg = evaluate(
    trainWith(split.train, items, base, validationCutoff),
    users,
    'popularity',
    'new_items',
    k,
  ).ndcg_at_k
  // The prior's recency: whichever half-life makes popularity alone rank the validation period best.
  let prior = { halfLife: undefined as number | undefined, ndcg: popularityNdcg }
  for (const halfLife of [30, 60, 120]) {
    const config = { ...base, popularityHalfLifeDays: halfLife }
    const ndcg = evaluate(
      trainWith(split.train, items, config, validationCutoff),
      users,
      'popularity',
      'new_items',
      k,
    ).ndcg_at_k
    trials += 1
    if (ndcg > prior.ndcg) prior = { halfLife, ndcg }
  }
  const cfConfig = {
    ...(bestCf ?? { config: base }).config,
    popularityHalfLifeDays: prior.halfLife,
  }
  const model = trainWith(split.train, items, cfConfig, validationCutoff)
  let best: Trial | undefined
  for (const halfLifeDays of [undefined, 60]) {
    for (const cf of [0.1, 0.25, 0.5, 1]) {
      for (const content of [0, 0.1, 0.3]) {
        for (const popularity of [0, 0.25, 0.5, 1, 2]) {
          const config = { ...cfConfig, halfLifeDays, weights: { cf, content, popularity } }
          const options = { weights: config.weights, halfLifeDays }
          const ndcg = evaluate(model, users, 'hybrid', 'new_items', k, options).ndcg_at_k
          trials += 1
          if (!best || ndcg > best.ndcg) best = { config, ndcg }
        }
      }
    }
  }
  return {
    best: best ?? { config: cfConfig, ndcg: 0 },
    popularityNdcg,
    recentPopularityNdcg: prior.ndcg,
    trials,
  }
}
