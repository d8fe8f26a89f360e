import { InvalidArgumentError } from '../errors'
import { addScore, maxNormalised } from './ranking'
import type { ScoredItem } from './types'

/** Weights of the hybrid blend; each signal is max-normalised first so weights compare like with like. */
export interface HybridWeights {
  cf: number
  content: number
  popularity: number
}

/** Defaults before tuning: collaborative evidence first, content and popularity as tie-breaking priors. */
export const DEFAULT_HYBRID_WEIGHTS: Readonly<HybridWeights> = {
  cf: 1,
  content: 0.2,
  popularity: 0.3,
}

/** Inputs to one hybrid re-ranking. */
export interface HybridSignals {
  cf: ReadonlyMap<string, number>
  content: ReadonlyMap<string, number>
  /** Popularity prior in [0, 1] for every known item. */
  prior: ReadonlyMap<string, number>
  /** The most popular items, added to the candidates so the blend never knows less than the baseline. */
  popular: readonly ScoredItem[]
}

/** Blends candidate scores: w_cf·cf + w_content·content + w_pop·prior over the union of candidates. */
export function hybridScores(signals: HybridSignals, weights: HybridWeights): Map<string, number> {
  if (weights.cf < 0 || weights.content < 0 || weights.popularity < 0) {
    throw new InvalidArgumentError('Hybrid weights must not be negative')
  }
  const out = new Map<string, number>()
  const cf = maxNormalised(signals.cf)
  const content = maxNormalised(signals.content)
  for (const [itemId, score] of cf) addScore(out, itemId, weights.cf * score)
  for (const [itemId, score] of content) addScore(out, itemId, weights.content * score)
  for (const { itemId } of signals.popular) if (!out.has(itemId)) out.set(itemId, 0)
  for (const itemId of out.keys())
    addScore(out, itemId, weights.popularity * (signals.prior.get(itemId) ?? 0))
  return out
}

/**
 * Appends fallback items (in the order of the lists given: e.g. category best sellers, then global)
 * until `k` are ranked; fallback entries carry score 0, so scored entries always come first.
 */
export function fillWithFallback(
  ranked: readonly ScoredItem[],
  fallbacks: readonly (readonly ScoredItem[])[],
  k: number,
  exclude: ReadonlySet<string>,
): ScoredItem[] {
  const out = ranked.slice(0, k)
  const seen = new Set(out.map((entry) => entry.itemId))
  for (const list of fallbacks) {
    for (const { itemId } of list) {
      if (out.length >= k) return out
      if (seen.has(itemId) || exclude.has(itemId)) continue
      seen.add(itemId)
      out.push({ itemId, score: 0 })
    }
  }
  return out
}
