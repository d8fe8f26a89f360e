import { describe, expect, it } from 'vitest'
import { money } from '../money'
import type { CartLine } from '../pricing'
import { applyCoupon, startingRemaining } from './apply-coupon'
import type { Coupon } from './coupon'

const usd = (amount: number) => money(amount, 'USD')
const lines: CartLine[] = [
  { lineId: 'A', sku: 'A', quantity: 1, unitPrice: usd(1000), categories: ['tea'] },
  { lineId: 'B', sku: 'B', quantity: 2, unitPrice: usd(1000), categories: ['tea'] },
  { lineId: 'C', sku: 'C', quantity: 1, unitPrice: usd(999) },
]
const tea = { restrictTo: { skus: [], categories: ['tea'] } }

describe('applyCoupon', () => {
  it('splits a line-level fixed amount over eligible lines by largest remainder', () => {
    const remaining = startingRemaining(lines)
    const coupon: Coupon = {
      code: 'TEA',
      discount: { kind: 'fixed', amount: usd(100) },
      stackable: true,
      ...tea,
    }
    expect(applyCoupon(coupon, lines, remaining, 'USD')).toEqual({
      couponCode: 'TEA',
      scope: 'line',
      amount: usd(100),
      lines: [
        { lineId: 'A', amount: usd(33) }, // 33.33
        { lineId: 'B', amount: usd(67) }, // 66.67 has the larger remainder, so the leftover cent
      ],
    })
    expect([...remaining.values()].map((m) => m.amount)).toEqual([967, 1933, 999])
  })

  it('rounds a line-level percentage half-even on each line', () => {
    const remaining = startingRemaining([{ ...lines[2]!, categories: ['tea'] }])
    const coupon: Coupon = {
      code: 'P',
      discount: { kind: 'percentage', basisPoints: 5000 },
      stackable: true,
      ...tea,
    }
    const applied = applyCoupon(coupon, [{ ...lines[2]!, categories: ['tea'] }], remaining, 'USD')
    expect(applied).toMatchObject({ amount: usd(500) }) // 499.5 → 500 (even)
  })

  it('takes an order-level discount from what earlier coupons left', () => {
    const remaining = startingRemaining(lines)
    const tenPct: Coupon = {
      code: 'T',
      discount: { kind: 'percentage', basisPoints: 1000 },
      stackable: true,
    }
    expect(applyCoupon(tenPct, lines, remaining, 'USD')).toEqual({
      couponCode: 'T',
      scope: 'order',
      amount: usd(400),
    })
    const all: Coupon = {
      code: 'ALL',
      discount: { kind: 'fixed', amount: usd(99_999) },
      stackable: true,
    }
    expect(applyCoupon(all, lines, remaining, 'USD')).toMatchObject({ amount: usd(3599) })
    expect([...remaining.values()].every((m) => m.amount === 0)).toBe(true)
  })
})
