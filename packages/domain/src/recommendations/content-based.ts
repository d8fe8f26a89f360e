import { InvalidArgumentError } from '../errors'
import { addScore, topK } from './ranking'
import type { ItemMeta, ScoredItem } from './types'

/** Relative weight of each content signal in the item-item similarity. */
export interface ContentWeights {
  category: number
  brand: number
  price: number
  text: number
}

/** Options for the content-based neighbour model. */
export interface ContentOptions {
  weights?: Partial<ContentWeights>
  neighbours?: number
  /** Price bands grow geometrically by this ratio (2 → each band spans a doubling of price). */
  priceBandRatio?: number
}

/** Top content neighbours per item. */
export interface ContentModel {
  neighbours: Map<string, ScoredItem[]>
}

/** Default blend: the category dominates, text refines it, brand and price band nudge. */
export const DEFAULT_CONTENT_WEIGHTS: Readonly<ContentWeights> = {
  category: 0.4,
  brand: 0.15,
  price: 0.1,
  text: 0.35,
}

const STOPWORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'with',
  'for',
  'in',
  'on',
  'to',
  'or',
  'by',
  'from',
])

/** Lower-cased word tokens of `text`, without stop words and single characters. */
export function contentTokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
    (t) => t.length > 1 && !STOPWORDS.has(t),
  )
}

/** Geometric price band of an amount in minor units, or undefined without a positive price. */
export function priceBand(priceMinor: number | undefined, ratio = 2): number | undefined {
  if (priceMinor === undefined || !(priceMinor > 0)) return undefined
  return Math.floor(Math.log(priceMinor) / Math.log(ratio))
}

/** L2-normalised TF-IDF vectors of each item's text (idf = ln((1+N)/(1+df)), so ubiquitous words vanish). */
export function tfidfVectors(items: readonly ItemMeta[]): Map<string, Map<string, number>> {
  const termCounts = items.map((item) => {
    const counts = new Map<string, number>()
    for (const token of contentTokens(item.text ?? '')) addScore(counts, token, 1)
    return counts
  })
  const df = new Map<string, number>()
  for (const counts of termCounts) for (const token of counts.keys()) addScore(df, token, 1)
  const out = new Map<string, Map<string, number>>()
  items.forEach((item, index) => {
    const vector = new Map<string, number>()
    let norm = 0
    for (const [token, tf] of termCounts[index] ?? []) {
      // A word on every item says nothing and would make every item a candidate of every other: idf 0, dropped.
      const weight = tf * Math.log((1 + items.length) / (1 + (df.get(token) ?? 0)))
      if (weight <= 0) continue
      vector.set(token, weight)
      norm += weight * weight
    }
    for (const [token, weight] of vector) vector.set(token, weight / Math.sqrt(norm))
    out.set(item.itemId, vector)
  })
  return out
}

/**
 * Builds content neighbours. Candidates share a category, brand or text token (an inverted index keeps
 * this sparse); the price band only re-scores candidates, it never makes two items neighbours alone.
 */
export function contentBased(
  items: readonly ItemMeta[],
  options: ContentOptions = {},
): ContentModel {
  const weights = { ...DEFAULT_CONTENT_WEIGHTS, ...options.weights }
  const total = weights.category + weights.brand + weights.price + weights.text
  if (!(total > 0)) throw new InvalidArgumentError('Content weights must sum to a positive number')
  const { neighbours = 50, priceBandRatio = 2 } = options
  const vectors = tfidfVectors(items)
  const byCategory = postings(items, (item) => [item.category])
  const byBrand = postings(items, (item) => (item.brand ? [item.brand.toLowerCase()] : []))
  const byToken = new Map<string, { itemId: string; weight: number }[]>()
  for (const [itemId, vector] of vectors) {
    for (const [token, weight] of vector) {
      const list = byToken.get(token)
      if (list) list.push({ itemId, weight })
      else byToken.set(token, [{ itemId, weight }])
    }
  }
  const bands = new Map(
    items.map((item) => [item.itemId, priceBand(item.priceMinor, priceBandRatio)]),
  )

  const model: ContentModel = { neighbours: new Map() }
  for (const item of items) {
    const scores = new Map<string, number>()
    for (const other of byCategory.get(item.category) ?? [])
      addScore(scores, other, weights.category)
    if (item.brand)
      for (const other of byBrand.get(item.brand.toLowerCase()) ?? [])
        addScore(scores, other, weights.brand)
    for (const [token, weight] of vectors.get(item.itemId) ?? []) {
      for (const posting of byToken.get(token) ?? [])
        addScore(scores, posting.itemId, weights.text * weight * posting.weight)
    }
    scores.delete(item.itemId)
    const band = bands.get(item.itemId)
    for (const [other, score] of scores) {
      const otherBand = bands.get(other)
      const gap =
        band === undefined || otherBand === undefined ? Infinity : Math.abs(band - otherBand)
      const priceScore = gap === 0 ? 1 : gap === 1 ? 0.5 : 0
      scores.set(other, (score + weights.price * priceScore) / total)
    }
    const ranked = topK(scores, neighbours)
    if (ranked.length > 0) model.neighbours.set(item.itemId, ranked)
  }
  return model
}

function postings(
  items: readonly ItemMeta[],
  keys: (item: ItemMeta) => string[],
): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const item of items) {
    for (const key of keys(item)) {
      const list = out.get(key)
      if (list) list.push(item.itemId)
      else out.set(key, [item.itemId])
    }
  }
  return out
}
