import { describe, expect, it } from 'vitest'
import { formatPrice } from './format-price'

describe('formatPrice', () => {
  it('shows minor units in the currency’s own decimals', () => {
    expect(formatPrice({ amount: 1999, currency: 'USD' })).toBe('$19.99')
    expect(formatPrice({ amount: 700, currency: 'JPY' })).toBe('¥700')
    expect(formatPrice({ amount: 123456, currency: 'EUR' })).toBe('€1,234.56')
  })

  it('names an unknown currency instead of guessing its decimals', () => {
    expect(formatPrice({ amount: 5, currency: 'XXX' })).toBe('5 XXX (minor units)')
  })
})
