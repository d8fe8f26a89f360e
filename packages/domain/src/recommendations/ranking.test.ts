import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareScored, maxNormalised, topK } from './ranking'

describe('topK', () => {
  it('ranks by score, ties by item id, and drops non-positive and excluded items', () => {
    const scores = new Map([
      ['b', 2],
      ['a', 2],
      ['c', 3],
      ['z', 0],
      ['n', -1],
      ['x', 1],
    ])
    expect(topK(scores, 3)).toEqual([
      { itemId: 'c', score: 3 },
      { itemId: 'a', score: 2 },
      { itemId: 'b', score: 2 },
    ])
    expect(topK(scores, 10, new Set(['c']))).toEqual([
      { itemId: 'a', score: 2 },
      { itemId: 'b', score: 2 },
      { itemId: 'x', score: 1 },
    ])
  })

  it('equals sorting every candidate and taking the first k', () => {
    const entries = fc.array(
      fc.tuple(fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 6 })),
      { maxLength: 60 },
    )
    fc.assert(
      fc.property(entries, fc.integer({ min: 1, max: 12 }), (pairs, k) => {
        const scores = new Map(pairs)
        const expected = [...scores]
          .filter(([, score]) => score > 0)
          .map(([itemId, score]) => ({ itemId, score }))
          .sort(compareScored)
          .slice(0, k)
        expect(topK(scores, k)).toEqual(expected)
      }),
    )
  })

  it('scales scores by the largest one', () => {
    expect(
      maxNormalised(
        new Map([
          ['a', 4],
          ['b', 1],
        ]),
      ),
    ).toEqual(
      new Map([
        ['a', 1],
        ['b', 0.25],
      ]),
    )
    expect(maxNormalised(new Map([['a', 0]])).size).toBe(0)
  })
})
