import { describe, expect, it } from 'vitest'
import { scoreReview } from './score-review'
import { spamProbability, sigmoid } from './text-model'
import { trainTextModel, type LabelledText } from './train-text-model'

const spammy = ['amazing', 'best ever', 'life changing', 'perfect', 'must buy', 'incredible luxury']
const honest = [
  'the handle',
  'after two weeks',
  'the lid',
  'a bit loud',
  'returned the first one',
  'works fine',
]
const examples: LabelledText[] = Array.from({ length: 60 }, (_, i) => {
  const words = i % 2 === 0 ? spammy : honest
  const text = `${words[i % words.length]} and ${words[(i * 7 + 3) % words.length]} kettle`
  return { text, label: i % 2 === 0 ? 1 : 0 }
})
const options = { dimension: 1 << 12, epochs: 20 }

describe('text model', () => {
  it('learns to separate the two kinds of text', () => {
    const model = trainTextModel(examples, options)
    expect(spamProbability(model, 'amazing perfect must buy')).toBeGreaterThan(0.8)
    expect(spamProbability(model, 'the lid is a bit loud after two weeks')).toBeLessThan(0.2)
  })

  it('trains the same model from the same data every time and survives JSON', () => {
    const a = trainTextModel(examples, options)
    expect(trainTextModel(examples, options)).toEqual(a)
    const restored = JSON.parse(JSON.stringify(a)) as typeof a
    expect(spamProbability(restored, 'incredible luxury')).toBe(
      spamProbability(a, 'incredible luxury'),
    )
  })

  it('refuses to train on nothing', () => {
    expect(() => trainTextModel([])).toThrow(/at least one/)
  })

  it('computes the logistic function without overflow', () => {
    expect(sigmoid(0)).toBe(0.5)
    expect(sigmoid(1000)).toBe(1)
    expect(sigmoid(-1000)).toBe(0)
  })

  it('adds a text_model reason to the verdict only when a model is given and it leans to spam', () => {
    const model = trainTextModel(examples, options)
    const review = {
      id: 'r',
      productId: 'p',
      authorId: 'u',
      rating: 5,
      body: 'amazing perfect must buy, life changing',
    }
    const context = {
      now: 0,
      accountCreatedAt: -1e11,
      hasPurchased: true,
      recentReviewTimesByAuthor: [],
      recentReviewTimesForProduct: [],
    }
    expect(scoreReview(review, context).reasons).toEqual([])
    const [reason] = scoreReview(review, { ...context, textModel: model }).reasons
    expect(reason?.signal).toBe('text_model')
    expect(reason?.detail).toMatch(/^learned text model gives spam probability 0\.\d\d$/)
    expect(
      scoreReview({ ...review, body: 'the lid is a bit loud' }, { ...context, textModel: model })
        .reasons,
    ).toEqual([])
  })
})
