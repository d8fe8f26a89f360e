import { addScore, assertK, topK } from './ranking'
import type { ScoredItem } from './types'

/** What the shopper is doing right now, before any batch run has seen it. */
export interface SessionSignals {
  /** Recently viewed product ids, newest first. */
  recentViews: readonly string[]
  /** Product ids in the cart. */
  inCart: readonly string[]
}

/** Tunables of the real-time re-ranking. */
export interface SessionAdjustOptions {
  k: number
  /** Weight of the newest view's neighbours against the precomputed list (whose best item scores 1). */
  viewBoost?: number
  /** Each older view counts this much less than the one after it. */
  viewDecay?: number
  /** Weight of a cart item's neighbours ("goes with what you are buying"). */
  cartBoost?: number
  /** Further ids to leave out (already bought, unavailable). */
  exclude?: Iterable<string>
}

// Rank-based scores, 1 for the first item down towards 0: fallback items carry score 0 in stored
// lists, and ranks compare lists from different models on the same scale.
function rankScores(list: readonly ScoredItem[]): Map<string, number> {
  return new Map(list.map((entry, index) => [entry.itemId, (list.length - index) / list.length]))
}

/**
 * Re-ranks a precomputed list with the session: neighbours of recently viewed and in-cart products
 * are boosted (newer views more), in-cart products and `exclude` are left out.
 */
export function adjustForSession(
  base: readonly ScoredItem[],
  neighbours: ReadonlyMap<string, readonly ScoredItem[]>,
  signals: SessionSignals,
  options: SessionAdjustOptions,
): ScoredItem[] {
  const { k, viewBoost = 1.5, viewDecay = 0.7, cartBoost = 1 } = options
  assertK(k)
  const scores = rankScores(base)
  signals.recentViews.forEach((viewed, index) => {
    const weight = viewBoost * viewDecay ** index
    for (const [itemId, score] of rankScores(neighbours.get(viewed) ?? []))
      addScore(scores, itemId, weight * score)
  })
  for (const inCart of signals.inCart)
    for (const [itemId, score] of rankScores(neighbours.get(inCart) ?? []))
      addScore(scores, itemId, cartBoost * score)
  const exclude = new Set([...signals.inCart, ...(options.exclude ?? [])])
  return topK(scores, k, exclude)
}
