import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { catalogCoverage, ndcgAtK, precisionAtK, recallAtK } from './metrics'

const relevant = new Set(['b', 'd', 'x'])
const list = ['a', 'b', 'c', 'd']

describe('ranking metrics', () => {
  it('match hand-computed values', () => {
    expect(precisionAtK(list, relevant, 4)).toBe(0.5)
    expect(precisionAtK(list, relevant, 10)).toBe(0.2) // missing slots are misses
    expect(recallAtK(list, relevant, 4)).toBeCloseTo(2 / 3, 12)
    expect(recallAtK(list, relevant, 1)).toBe(0)
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5)
    const ideal = 1 + 1 / Math.log2(3) + 1 / Math.log2(4)
    expect(ndcgAtK(list, relevant, 4)).toBeCloseTo(dcg / ideal, 12)
    expect(ndcgAtK(list, relevant, 4)).toBeCloseTo(0.49819, 4)
  })

  it('give 0 when nothing is relevant and refuse a bad k', () => {
    expect(recallAtK(list, new Set(), 3)).toBe(0)
    expect(ndcgAtK(list, new Set(), 3)).toBe(0)
    expect(() => precisionAtK(list, relevant, 0)).toThrow('k must be a positive integer')
  })

  it('measure coverage as distinct recommended items over the catalog', () => {
    expect(
      catalogCoverage(
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
        10,
      ),
    ).toBe(0.3)
    expect(
      catalogCoverage(
        [
          ['a', 'b'],
          ['b', 'c'],
        ],
        10,
        1,
      ),
    ).toBe(0.2)
    expect(catalogCoverage([], 0)).toBe(0)
  })

  const lists = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnop'), { maxLength: 16 })
  it('stay within [0, 1] for any list, relevant set and k', () => {
    fc.assert(
      fc.property(lists, lists, fc.integer({ min: 1, max: 20 }), (recommended, rel, k) => {
        const set = new Set(rel)
        for (const value of [
          precisionAtK(recommended, set, k),
          recallAtK(recommended, set, k),
          ndcgAtK(recommended, set, k),
        ]) {
          expect(value).toBeGreaterThanOrEqual(0)
          expect(value).toBeLessThanOrEqual(1 + 1e-12)
        }
      }),
    )
  })

  it('give NDCG 1 to the ideal ranking (relevant items first)', () => {
    fc.assert(
      fc.property(lists, lists, fc.integer({ min: 1, max: 20 }), (rel, others, k) => {
        fc.pre(rel.length > 0)
        const ideal = [...rel, ...others.filter((o) => !rel.includes(o))]
        expect(ndcgAtK(ideal, new Set(rel), k)).toBeCloseTo(1, 12)
      }),
    )
  })
})
