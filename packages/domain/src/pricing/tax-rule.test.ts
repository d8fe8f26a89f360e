import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from '../errors'
import { taxRateFor } from './tax-rule'

describe('taxRateFor', () => {
  const rule = { region: 'DE', rateBasisPoints: 1900, categoryRates: { books: 700, exempt: 0 } }

  it('uses the category rate when there is one, the standard rate otherwise', () => {
    expect(taxRateFor(rule, 'books')).toBe(700)
    expect(taxRateFor(rule, 'exempt')).toBe(0)
    expect(taxRateFor(rule, undefined)).toBe(1900)
    expect(taxRateFor(rule, 'toys')).toBe(1900)
    expect(taxRateFor(rule, 'constructor')).toBe(1900) // not an inherited property
  })

  it('refuses a rate that is not whole basis points', () => {
    expect(() => taxRateFor({ region: 'X', rateBasisPoints: 8.25 }, undefined)).toThrow(
      InvalidArgumentError,
    )
  })
})
