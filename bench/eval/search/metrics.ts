/** 1 / rank of the first relevant result within the top `k`, else 0. */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>, k = 10) {
  const at = ranked.slice(0, k).findIndex((id) => relevant.has(id))
  return at < 0 ? 0 : 1 / (at + 1)
}

/** Binary-gain NDCG@k: DCG of the ranking over the DCG of `min(|relevant|, k)` hits on top. */
export function ndcg(ranked: readonly string[], relevant: ReadonlySet<string>, k = 10) {
  const gain = (i: number) => 1 / Math.log2(i + 2)
  let dcg = 0
  ranked.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += gain(i)
  })
  let ideal = 0
  for (let i = 0; i < Math.min(relevant.size, k); i++) ideal += gain(i)
  return ideal === 0 ? 0 : dcg / ideal
}

/**
 * Recall@k normalised by what fits in k: relevant results in the top k over `min(|relevant|, k)`,
 * so a category larger than k can still reach 1.
 */
export function recallAt(ranked: readonly string[], relevant: ReadonlySet<string>, k = 50) {
  const found = ranked.slice(0, k).filter((id) => relevant.has(id)).length
  return relevant.size === 0 ? 0 : found / Math.min(relevant.size, k)
}

export const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : Number((values.reduce((a, b) => a + b, 0) / values.length).toFixed(4))
