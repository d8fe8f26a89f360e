import { describe, expect, it } from 'vitest'
import { fillWithFallback, hybridScores } from './hybrid'

describe('hybridScores', () => {
  it('blends max-normalised signals with the popularity prior over all candidates', () => {
    const scores = hybridScores(
      {
        cf: new Map([
          ['a', 10],
          ['b', 5],
        ]),
        content: new Map([
          ['b', 2],
          ['c', 1],
        ]),
        prior: new Map([
          ['a', 0.5],
          ['b', 0.1],
          ['c', 1],
          ['d', 0.8],
        ]),
        popular: [{ itemId: 'd', score: 80 }],
      },
      { cf: 1, content: 0.5, popularity: 0.2 },
    )
    expect(scores.get('a')).toBeCloseTo(1 + 0.2 * 0.5, 12)
    expect(scores.get('b')).toBeCloseTo(0.5 + 0.5 * 1 + 0.2 * 0.1, 12)
    expect(scores.get('c')).toBeCloseTo(0.5 * 0.5 + 0.2 * 1, 12)
    expect(scores.get('d')).toBeCloseTo(0.2 * 0.8, 12)
    expect(() =>
      hybridScores(
        { cf: new Map(), content: new Map(), prior: new Map(), popular: [] },
        { cf: -1, content: 0, popularity: 0 },
      ),
    ).toThrow('must not be negative')
  })
})

describe('fillWithFallback', () => {
  it('tops up from each fallback list in turn, skipping duplicates and excluded items', () => {
    const filled = fillWithFallback(
      [{ itemId: 'a', score: 3 }],
      [
        [
          { itemId: 'a', score: 9 },
          { itemId: 'x', score: 8 },
          { itemId: 'b', score: 7 },
        ],
        [
          { itemId: 'c', score: 9 },
          { itemId: 'd', score: 1 },
        ],
      ],
      4,
      new Set(['x']),
    )
    expect(filled).toEqual([
      { itemId: 'a', score: 3 },
      { itemId: 'b', score: 0 },
      { itemId: 'c', score: 0 },
      { itemId: 'd', score: 0 },
    ])
  })
})
