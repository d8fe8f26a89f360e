import { describe, expect, it } from 'vitest'
import { money } from '../money'
import { applyPriceChange } from './price-change'

describe('applyPriceChange', () => {
  it('changes by basis points rounding half-even, or by an absolute amount', () => {
    expect(
      applyPriceChange(money(1999, 'USD'), { kind: 'percentage', basisPoints: -1000 }),
    ).toEqual(
      money(1799, 'USD'), // 1999 − 199.9 → 199.9 rounds to 200
    )
    expect(applyPriceChange(money(250, 'USD'), { kind: 'percentage', basisPoints: 1000 })).toEqual(
      money(275, 'USD'),
    )
    expect(applyPriceChange(money(1000, 'JPY'), { kind: 'absolute', amount: -1000 })).toEqual(
      money(0, 'JPY'),
    )
  })

  it('refuses a change below zero', () => {
    expect(() => applyPriceChange(money(200, 'USD'), { kind: 'absolute', amount: -500 })).toThrow(
      '2.00 USD would become -3.00 USD, below zero',
    )
  })
})
