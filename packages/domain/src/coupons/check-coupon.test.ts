import { describe, expect, it } from 'vitest'
import { CurrencyMismatchError } from '../errors'
import { money } from '../money'
import type { CartLine } from '../pricing'
import { checkCoupon, isEligibleLine } from './check-coupon'
import type { Coupon } from './coupon'

const usd = (amount: number) => money(amount, 'USD')
const shoe: CartLine = {
  lineId: 'L1',
  sku: 'SHOE-1',
  quantity: 2,
  unitPrice: usd(2500),
  categories: ['shoes'],
}
const hat: CartLine = { lineId: 'L2', sku: 'HAT-1', quantity: 1, unitPrice: usd(1000) }
const coupon: Coupon = {
  code: 'SAVE',
  discount: { kind: 'percentage', basisPoints: 1000 },
  stackable: true,
}
const now = new Date('2025-01-01T00:00:00Z')

describe('isEligibleLine', () => {
  it('matches restricted coupons by SKU or by any category, and everything otherwise', () => {
    expect(isEligibleLine(coupon, hat)).toBe(true)
    const bySku = { ...coupon, restrictTo: { skus: ['HAT-1'], categories: [] } }
    expect([isEligibleLine(bySku, shoe), isEligibleLine(bySku, hat)]).toEqual([false, true])
    const byCategory = { ...coupon, restrictTo: { skus: [], categories: ['shoes'] } }
    expect([isEligibleLine(byCategory, shoe), isEligibleLine(byCategory, hat)]).toEqual([
      true,
      false,
    ])
  })
})

describe('checkCoupon', () => {
  const cart = { currency: 'USD' as const, lines: [shoe, hat] } // subtotal 6000

  it('accepts a usable coupon and measures the minimum spend on the undiscounted subtotal', () => {
    expect(
      checkCoupon({ ...coupon, minimumSpend: usd(6000) }, cart, undefined, now),
    ).toBeUndefined()
    expect(checkCoupon({ ...coupon, minimumSpend: usd(6001) }, cart, undefined, now)).toMatchObject(
      {
        reason: 'minimum_spend_not_met',
        shortBy: usd(1),
        message: 'Spend $0.01 more to use coupon SAVE (it needs a $60.01 minimum)',
      },
    )
  })

  it('reports the first failing check when several fail', () => {
    const everything: Coupon = {
      ...coupon,
      validUntil: '2024-12-31T00:00:00Z',
      usageLimit: 1,
      minimumSpend: usd(100_000),
    }
    const usage = { totalRedemptions: 1, customerRedemptions: 0 }
    expect(checkCoupon(everything, cart, usage, now)?.reason).toBe('expired')
    expect(checkCoupon({ ...everything, validUntil: undefined }, cart, usage, now)?.reason).toBe(
      'usage_limit_reached',
    )
  })

  it('says how often a multi-use coupon may be used per customer', () => {
    const usage = { totalRedemptions: 9, customerRedemptions: 3 }
    expect(checkCoupon({ ...coupon, perCustomerLimit: 3 }, cart, usage, now)?.message).toBe(
      'You have already used coupon SAVE; it can be used 3 times per customer',
    )
  })

  it('throws on a cart line in another currency', () => {
    const euro = { ...hat, unitPrice: money(1000, 'EUR') }
    const withMinimum = { ...coupon, minimumSpend: usd(1) }
    expect(() =>
      checkCoupon(withMinimum, { currency: 'USD', lines: [euro] }, undefined, now),
    ).toThrow(CurrencyMismatchError)
  })
})
