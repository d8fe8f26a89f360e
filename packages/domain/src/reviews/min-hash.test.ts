import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  estimateJaccard,
  exactJaccard,
  minHashOfSet,
  minHashSignature,
  wordShingles,
} from './min-hash'

const text =
  'The kettle boils a full litre in under three minutes and the handle stays cool to the touch'

describe('MinHash', () => {
  it('gives identical texts similarity 1 and the same signature on every call', () => {
    expect(minHashSignature(text)).toEqual(minHashSignature(text))
    expect(estimateJaccard(minHashSignature(text), minHashSignature(text))).toBe(1)
  })

  it('ignores case and punctuation', () => {
    expect(
      estimateJaccard(
        minHashSignature(text),
        minHashSignature(text.toUpperCase().replace(/ /g, ', ')),
      ),
    ).toBe(1)
  })

  it('gives unrelated texts a similarity near 0', () => {
    const other =
      'Shipping took two weeks and the box arrived crushed, support never answered my emails about it'
    expect(estimateJaccard(minHashSignature(text), minHashSignature(other))).toBeLessThan(0.05)
  })

  it('treats an empty text as similar to nothing', () => {
    expect(estimateJaccard(minHashSignature(''), minHashSignature(''))).toBe(0)
    expect(wordShingles('').size).toBe(0)
  })

  it('refuses to compare signatures of different lengths', () => {
    const short = minHashSignature(text, { shingleSize: 3, numHashes: 16, seed: 1 })
    expect(() => estimateJaccard(short, minHashSignature(text))).toThrow(/differ in length/)
  })

  it('estimates Jaccard similarity within 0.25 of the exact value on random sets', () => {
    // 128 hash functions: standard error ≤ 0.045, so 0.25 is more than five standard errors.
    const sets = fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 120 })
    fc.assert(
      fc.property(sets, sets, (a, b) => {
        const sa = new Set(a)
        const sb = new Set(b)
        const estimate = estimateJaccard(minHashOfSet(sa), minHashOfSet(sb))
        expect(Math.abs(estimate - exactJaccard(sa, sb))).toBeLessThanOrEqual(0.25)
      }),
      { numRuns: 200 },
    )
  })
})
