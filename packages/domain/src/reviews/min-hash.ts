import { fnv1a32, mix32, seededRandom } from './hashing'
import { tokenize } from './tokenize'

/** A review's MinHash signature: one minimum per hash function, plus how many shingles it summarises. */
export interface MinHashSignature {
  readonly hashes: readonly number[]
  readonly shingleCount: number
}

/** How signatures are built; two signatures are comparable only when built with the same options. */
export interface MinHashOptions {
  /** Words per shingle. */
  readonly shingleSize: number
  /** Number of hash functions (signature length); the estimate's standard error is about 1/sqrt(n). */
  readonly numHashes: number
  /** Seed of the hash family. */
  readonly seed: number
}

/** Defaults: 3-word shingles, 128 hash functions (standard error ≈ 0.044), a fixed seed. */
export const DEFAULT_MIN_HASH_OPTIONS: MinHashOptions = {
  shingleSize: 3,
  numHashes: 128,
  seed: 0x5eed,
}

/** The set of word shingles of a text, hashed to 32-bit integers; texts shorter than one shingle give one shingle. */
export function wordShingles(
  text: string,
  shingleSize = DEFAULT_MIN_HASH_OPTIONS.shingleSize,
): Set<number> {
  const words = tokenize(text)
  const shingles = new Set<number>()
  if (words.length === 0) return shingles
  if (words.length < shingleSize) {
    shingles.add(fnv1a32(words.join(' ')))
    return shingles
  }
  for (let i = 0; i + shingleSize <= words.length; i += 1) {
    shingles.add(fnv1a32(words.slice(i, i + shingleSize).join(' ')))
  }
  return shingles
}

// Hash function i is x -> mix32(x XOR salt_i): each salt picks a different bijection of the 32-bit
// integers, which behaves like an independent random permutation for MinHash purposes.
const saltCache = new Map<string, number[]>()
function salts(numHashes: number, seed: number): number[] {
  const key = `${numHashes}:${seed}`
  let cached = saltCache.get(key)
  if (!cached) {
    const random = seededRandom(seed)
    cached = Array.from({ length: numHashes }, () => Math.floor(random() * 4294967296) >>> 0)
    saltCache.set(key, cached)
  }
  return cached
}

/** MinHash signature of a set of hashed shingles. */
export function minHashOfSet(
  shingles: Iterable<number>,
  options = DEFAULT_MIN_HASH_OPTIONS,
): MinHashSignature {
  const family = salts(options.numHashes, options.seed)
  const mins = new Array<number>(options.numHashes).fill(0xffffffff)
  let count = 0
  for (const shingle of shingles) {
    count += 1
    for (let i = 0; i < family.length; i += 1) {
      const h = mix32(shingle ^ (family[i] as number))
      if (h < (mins[i] as number)) mins[i] = h
    }
  }
  return { hashes: mins, shingleCount: count }
}

/** MinHash signature of a review text (word shingles of its tokens). */
export function minHashSignature(
  text: string,
  options = DEFAULT_MIN_HASH_OPTIONS,
): MinHashSignature {
  return minHashOfSet(wordShingles(text, options.shingleSize), options)
}

/** Estimated Jaccard similarity: the share of hash functions whose minima agree; 0 when either side is empty. */
export function estimateJaccard(a: MinHashSignature, b: MinHashSignature): number {
  if (a.shingleCount === 0 || b.shingleCount === 0) return 0
  if (a.hashes.length !== b.hashes.length) {
    throw new Error(
      `MinHash signatures differ in length (${a.hashes.length} vs ${b.hashes.length}); build both with the same options`,
    )
  }
  let equal = 0
  for (let i = 0; i < a.hashes.length; i += 1) if (a.hashes[i] === b.hashes[i]) equal += 1
  return equal / a.hashes.length
}

/** Exact Jaccard similarity |A∩B| / |A∪B| of two sets; 0 when both are empty. */
export function exactJaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let shared = 0
  for (const x of a) if (b.has(x)) shared += 1
  const union = a.size + b.size - shared
  return union === 0 ? 0 : shared / union
}
