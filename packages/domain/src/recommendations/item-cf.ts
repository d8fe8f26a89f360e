import { InvalidArgumentError } from '../errors'
import { addScore, topK } from './ranking'
import { DEFAULT_KIND_WEIGHTS, basketsOf, interactionWeight } from './types'
import type { Interaction, InteractionKind, ScoredItem } from './types'

/** How two items' basket vectors are compared. */
export type Similarity = 'cosine' | 'jaccard'

/** Options for item-to-item collaborative filtering. */
export interface ItemCfOptions {
  similarity?: Similarity
  /** Popularity damping: a neighbour's similarity is divided by (its basket count)^alpha; 0 disables. */
  alpha?: number
  /** Neighbours kept per item. */
  neighbours?: number
  /** Pairs seen together in fewer baskets than this are ignored as noise. */
  minCooccurrence?: number
  /** Baskets with more distinct items are skipped: bulk orders say little about affinity and cost O(n²). */
  maxBasketItems?: number
  kindWeights?: Readonly<Record<InteractionKind, number>>
}

/** Top neighbours per item and how many baskets hold each item. */
export interface ItemCfModel {
  neighbours: Map<string, ScoredItem[]>
  basketCounts: Map<string, number>
}

interface PairStats {
  dot: number
  count: number
}

/** Builds sparse "bought together" neighbour lists from co-occurrence within baskets. */
export function itemCf(
  interactions: readonly Interaction[],
  options: ItemCfOptions = {},
): ItemCfModel {
  const {
    similarity = 'cosine',
    alpha = 0,
    neighbours = 50,
    minCooccurrence = 1,
    maxBasketItems = 200,
    kindWeights = DEFAULT_KIND_WEIGHTS,
  } = options
  if (!(alpha >= 0)) throw new InvalidArgumentError(`alpha must be >= 0, got ${alpha}`)
  const basketCounts = new Map<string, number>()
  const squares = new Map<string, number>()
  const pairs = new Map<string, Map<string, PairStats>>()

  for (const basket of basketsOf(interactions).values()) {
    // An item's value in a basket is its strongest signal there (a view then a purchase counts as a purchase).
    const values = new Map<string, number>()
    for (const interaction of basket) {
      const weight = interactionWeight(interaction, kindWeights)
      if (weight > (values.get(interaction.itemId) ?? 0)) values.set(interaction.itemId, weight)
    }
    if (values.size > maxBasketItems) continue
    const entries = [...values]
    for (const [itemId, value] of entries) {
      addScore(basketCounts, itemId, 1)
      addScore(squares, itemId, value * value)
    }
    for (let a = 0; a < entries.length; a += 1) {
      const [itemA, valueA] = entries[a] as [string, number]
      for (let b = a + 1; b < entries.length; b += 1) {
        const [itemB, valueB] = entries[b] as [string, number]
        bumpPair(pairs, itemA, itemB, valueA * valueB)
        bumpPair(pairs, itemB, itemA, valueA * valueB)
      }
    }
  }

  const model: ItemCfModel = { neighbours: new Map(), basketCounts }
  for (const [itemId, row] of pairs) {
    const scores = new Map<string, number>()
    const countI = basketCounts.get(itemId) ?? 0
    for (const [other, stats] of row) {
      if (stats.count < minCooccurrence) continue
      const countJ = basketCounts.get(other) ?? 0
      const base =
        similarity === 'cosine'
          ? stats.dot / Math.sqrt((squares.get(itemId) ?? 0) * (squares.get(other) ?? 0))
          : stats.count / (countI + countJ - stats.count)
      scores.set(other, alpha === 0 ? base : base / countJ ** alpha)
    }
    const ranked = topK(scores, neighbours)
    if (ranked.length > 0) model.neighbours.set(itemId, ranked)
  }
  return model
}

function bumpPair(
  pairs: Map<string, Map<string, PairStats>>,
  from: string,
  to: string,
  dot: number,
): void {
  let row = pairs.get(from)
  if (!row) {
    row = new Map()
    pairs.set(from, row)
  }
  const stats = row.get(to)
  if (stats) {
    stats.dot += dot
    stats.count += 1
  } else row.set(to, { dot, count: 1 })
}

/** Scores items by similarity to a weighted history: sum over history items of weight × similarity. */
export function scoreFromNeighbours(
  neighbours: ReadonlyMap<string, readonly ScoredItem[]>,
  history: ReadonlyMap<string, number>,
): Map<string, number> {
  const scores = new Map<string, number>()
  for (const [itemId, weight] of history) {
    for (const neighbour of neighbours.get(itemId) ?? [])
      addScore(scores, neighbour.itemId, weight * neighbour.score)
  }
  return scores
}
