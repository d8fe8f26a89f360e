import { assertK } from './ranking'

function hitsAtK(recommended: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let hits = 0
  for (const itemId of recommended.slice(0, k)) if (relevant.has(itemId)) hits += 1
  return hits
}

/** Share of the first `k` slots holding a relevant item (empty slots count as misses). */
export function precisionAtK(
  recommended: readonly string[],
  relevant: ReadonlySet<string>,
  k: number,
): number {
  assertK(k)
  return hitsAtK(recommended, relevant, k) / k
}

/** Share of the relevant items found in the first `k`; 0 when nothing is relevant. */
export function recallAtK(
  recommended: readonly string[],
  relevant: ReadonlySet<string>,
  k: number,
): number {
  assertK(k)
  return relevant.size === 0 ? 0 : hitsAtK(recommended, relevant, k) / relevant.size
}

/** Binary-gain NDCG@k: DCG of the list over the DCG of an ideal list; 0 when nothing is relevant. */
export function ndcgAtK(
  recommended: readonly string[],
  relevant: ReadonlySet<string>,
  k: number,
): number {
  assertK(k)
  let dcg = 0
  recommended.slice(0, k).forEach((itemId, index) => {
    if (relevant.has(itemId)) dcg += 1 / Math.log2(index + 2)
  })
  let ideal = 0
  for (let index = 0; index < Math.min(k, relevant.size); index += 1)
    ideal += 1 / Math.log2(index + 2)
  return ideal === 0 ? 0 : dcg / ideal
}

/** Share of the catalog that appears in at least one of the recommendation lists (top `k` of each). */
export function catalogCoverage(
  lists: Iterable<readonly string[]>,
  catalogSize: number,
  k?: number,
): number {
  if (catalogSize <= 0) return 0
  const seen = new Set<string>()
  for (const list of lists)
    for (const itemId of k === undefined ? list : list.slice(0, k)) seen.add(itemId)
  return Math.min(1, seen.size / catalogSize)
}
