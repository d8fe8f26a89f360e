import { hashedNgrams, type SparseVector } from './hashed-ngrams'
import { seededRandom, shuffled } from './hashing'
import { sigmoid } from './text-model'
import type { TextModel } from './text-model'

/** One labelled training text: label 1 = spam, 0 = genuine. */
export interface LabelledText {
  readonly text: string
  readonly label: 0 | 1
}

/** Training settings; the same examples and options always give the same model. */
export interface TrainTextModelOptions {
  readonly dimension: number
  readonly maxN: number
  readonly epochs: number
  /** Initial step size; it decays as η₀ / (1 + η₀·λ·t). */
  readonly learningRate: number
  /** L2 penalty λ on the weights (not the bias). */
  readonly l2: number
  /** Seed of the per-epoch shuffle. */
  readonly seed: number
}

/** Defaults: 2^18 buckets, uni+bigrams, 30 epochs. */
export const DEFAULT_TRAIN_OPTIONS: TrainTextModelOptions = {
  dimension: 1 << 18,
  maxN: 2,
  epochs: 30,
  learningRate: 0.5,
  l2: 1e-5,
  seed: 17,
}

/**
 * Trains L2-regularised logistic regression by stochastic gradient descent over hashed n-grams.
 * The weights are stored as scale × v so the L2 shrink of every weight costs O(1) per step.
 */
export function trainTextModel(
  examples: readonly LabelledText[],
  options: Partial<TrainTextModelOptions> = {},
): TextModel {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options }
  if (examples.length === 0) throw new Error('trainTextModel needs at least one labelled text')
  const data: { x: SparseVector; y: number }[] = examples.map((e) => ({
    x: hashedNgrams(e.text, o.dimension, o.maxN),
    y: e.label,
  }))
  const v = new Float64Array(o.dimension)
  let scale = 1
  let bias = 0
  let t = 0
  const random = seededRandom(o.seed)
  for (let epoch = 0; epoch < o.epochs; epoch += 1) {
    for (const { x, y } of shuffled(data, random)) {
      const eta = o.learningRate / (1 + o.learningRate * o.l2 * t)
      t += 1
      let z = bias
      for (let k = 0; k < x.indices.length; k += 1)
        z += scale * (v[x.indices[k] as number] as number) * (x.values[k] as number)
      const gradient = sigmoid(z) - y
      scale *= 1 - eta * o.l2
      if (scale < 1e-9) {
        for (let j = 0; j < v.length; j += 1) v[j] = (v[j] as number) * scale
        scale = 1
      }
      for (let k = 0; k < x.indices.length; k += 1) {
        const j = x.indices[k] as number
        v[j] = (v[j] as number) - (eta * gradient * (x.values[k] as number)) / scale
      }
      bias -= eta * gradient
    }
  }
  return {
    kind: 'hashed-ngram-logistic-regression',
    dimension: o.dimension,
    maxN: o.maxN,
    weights: Array.from(v, (w) => w * scale),
    bias,
  }
}
