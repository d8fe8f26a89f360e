import { InvalidArgumentError } from '../errors'
import type { ScoredItem } from './types'

/** Orders by score descending, ties broken by item id ascending so every run ranks identically. */
export function compareScored(a: ScoredItem, b: ScoredItem): number {
  if (b.score !== a.score) return b.score - a.score
  return a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0
}

/** The `k` best entries of a score map, ranked by `compareScored`; zero and negative scores are dropped. */
export function topK(
  scores: ReadonlyMap<string, number>,
  k: number,
  exclude?: ReadonlySet<string>,
): ScoredItem[] {
  assertK(k)
  // A bounded heap whose root is the worst kept entry: O(n log k) instead of sorting every candidate.
  const heap: ScoredItem[] = []
  for (const [itemId, score] of scores) {
    if (!(score > 0) || exclude?.has(itemId)) continue
    const entry = { itemId, score }
    if (heap.length < k) {
      heap.push(entry)
      siftUp(heap, heap.length - 1)
    } else if (compareScored(entry, heap[0] as ScoredItem) < 0) {
      heap[0] = entry
      siftDown(heap, 0)
    }
  }
  return heap.sort(compareScored)
}

// Heap order: a parent ranks after (is worse than) its children.
function worse(heap: ScoredItem[], a: number, b: number): boolean {
  return compareScored(heap[a] as ScoredItem, heap[b] as ScoredItem) > 0
}

function swap(heap: ScoredItem[], a: number, b: number): void {
  const tmp = heap[a] as ScoredItem
  heap[a] = heap[b] as ScoredItem
  heap[b] = tmp
}

function siftUp(heap: ScoredItem[], index: number): void {
  let i = index
  while (i > 0) {
    const parent = (i - 1) >> 1
    if (!worse(heap, i, parent)) return
    swap(heap, i, parent)
    i = parent
  }
}

function siftDown(heap: ScoredItem[], index: number): void {
  let i = index
  for (;;) {
    const left = 2 * i + 1
    const right = left + 1
    let worst = i
    if (left < heap.length && worse(heap, left, worst)) worst = left
    if (right < heap.length && worse(heap, right, worst)) worst = right
    if (worst === i) return
    swap(heap, i, worst)
    i = worst
  }
}

/** Throws unless `k` is a positive integer. */
export function assertK(k: number): void {
  if (!Number.isInteger(k) || k < 1)
    throw new InvalidArgumentError(`k must be a positive integer, got ${k}`)
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
