import { fnv1a32, mix32 } from './hashing'
import { tokenize } from './tokenize'

/** A sparse feature vector: parallel arrays of indices and values. */
export interface SparseVector {
  readonly indices: readonly number[]
  readonly values: readonly number[]
}

/**
 * Hashed word uni- and bigram features of a text ("feature hashing"): each n-gram lands in one of
 * `dimension` buckets with a hash-chosen sign (so collisions cancel rather than pile up), counts are
 * damped with log(1 + n) and the vector is scaled to unit length, so long reviews do not dominate.
 */
export function hashedNgrams(text: string, dimension: number, maxN = 2): SparseVector {
  const words = tokenize(text)
  const buckets = new Map<number, number>()
  const counts = new Map<string, number>()
  for (let n = 1; n <= maxN; n += 1) {
    for (let i = 0; i + n <= words.length; i += 1) {
      const gram = n === 1 ? (words[i] as string) : words.slice(i, i + n).join(' ')
      counts.set(gram, (counts.get(gram) ?? 0) + 1)
    }
  }
  for (const [gram, count] of counts) {
    const h = fnv1a32(gram)
    const index = h % dimension
    const sign = (mix32(h ^ 0x9e3779b9) & 1) === 1 ? 1 : -1
    buckets.set(index, (buckets.get(index) ?? 0) + sign * Math.log1p(count))
  }
  let norm = 0
  for (const v of buckets.values()) norm += v * v
  norm = Math.sqrt(norm)
  const indices: number[] = []
  const values: number[] = []
  for (const [index, v] of buckets) {
    if (v === 0) continue
    indices.push(index)
    values.push(v / norm)
  }
  return { indices, values }
}
