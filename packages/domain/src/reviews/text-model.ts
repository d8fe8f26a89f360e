import { hashedNgrams, type SparseVector } from './hashed-ngrams'

/**
 * A binary logistic-regression model over hashed word n-grams, as plain JSON: train it with
 * `trainTextModel`, store it anywhere, pass it to the scorer as `context.textModel`.
 */
export interface TextModel {
  readonly kind: 'hashed-ngram-logistic-regression'
  /** Number of hash buckets; `weights.length` equals it. */
  readonly dimension: number
  /** Longest n-gram (2 = unigrams and bigrams). */
  readonly maxN: number
  readonly weights: readonly number[]
  readonly bias: number
}

/** Logistic function 1 / (1 + e^−z), computed without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z))
  const e = Math.exp(z)
  return e / (1 + e)
}

/** w·x + b for a sparse x. */
export function linearScore(weights: readonly number[], bias: number, x: SparseVector): number {
  let z = bias
  for (let k = 0; k < x.indices.length; k += 1) {
    z += (weights[x.indices[k] as number] ?? 0) * (x.values[k] as number)
  }
  return z
}

/** The model's probability that a text is spam (class 1). */
export function spamProbability(model: TextModel, text: string): number {
  return sigmoid(
    linearScore(model.weights, model.bias, hashedNgrams(text, model.dimension, model.maxN)),
  )
}
