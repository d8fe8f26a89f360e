import { estimateJaccard, type MinHashSignature } from './min-hash'
import type { SpamConfig } from './spam-config'
import type { RecentReviewSignature, SpamReason } from './spam-types'

/** Flags text that is a copy or near-copy of a recent review (same or other author), by MinHash Jaccard estimate. */
export function nearDuplicateReasons(
  reviewId: string,
  signature: MinHashSignature,
  recent: readonly RecentReviewSignature[],
  config: SpamConfig['nearDuplicate'],
): SpamReason[] {
  if (signature.shingleCount < config.minShingles) return []
  let best: { similarity: number; other: RecentReviewSignature } | undefined
  for (const other of recent) {
    if (other.reviewId === reviewId || other.signature.shingleCount < config.minShingles) continue
    const similarity = estimateJaccard(signature, other.signature)
    if (similarity >= config.minSimilarity && (!best || similarity > best.similarity))
      best = { similarity, other }
  }
  if (!best) return []
  const span = 1 - config.minSimilarity
  const rise = span > 0 ? (best.similarity - config.minSimilarity) / span : 1
  const weight = config.minWeight + (config.maxWeight - config.minWeight) * rise
  return [
    {
      signal: 'near_duplicate',
      weight,
      detail: `text ${Math.round(best.similarity * 100)}% similar to review ${best.other.reviewId} by ${best.other.authorId} on product ${best.other.productId}`,
    },
  ]
}
