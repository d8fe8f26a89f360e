import { InvalidArgumentError } from '../errors'
import type { ScoredItem } from './types'

/** Orders by score descending, ties broken by item id ascending so every run ranks identically. */
export function compareScored(a: ScoredItem, b: ScoredItem): number {
  if (b.score !== a.score) return b.score - a.score
  return a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0
}

/** The `k` best entries of a score map, ranked by `compareScored`; zero and negative scores are dropped. */
export function topK(scores: ReadonlyMap<string, number>, k: number, exclude?: ReadonlySet<string>): ScoredItem[] {
  assertK(k)
  const out: ScoredItem[] = []
  for (const [itemId, score] of scores) {
    if (score > 0 && !exclude?.has(itemId)) out.push({ itemId, score })
  }
  out.sort(compareScored)
  return out.slice(0, k)
}

/** Throws unless `k` is a positive integer. */
export function assertK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new InvalidArgumentError(`k must be a positive integer, got ${k}`)
}

/** Adds `amount` to `key` in a score map. */
export function addScore(scores: Map<string, number>, key: string, amount: number): void {
  scores.set(key, (scores.get(key) ?? 0) + amount)
}

/** Divides every score by the largest one, so blended signals share the [0, 1] scale. */
export function maxNormalised(scores: ReadonlyMap<string, number>): Map<string, number> {
  let max = 0
  for (const score of scores.values()) if (score > max) max = score
  const out = new Map<string, number>()
  if (max <= 0) return out
  for (const [itemId, score] of scores) out.set(itemId, score / max)
  return out
}
