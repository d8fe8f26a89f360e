import { describe, expect, it } from 'vitest'
import { CartSchema } from './cart'

const cart = {
  id: 'cart_1',
  currency: 'EUR',
  lines: [
    {
      lineId: 'l1',
      sku: 'A',
      quantity: 2,
      unitPrice: { amount: 1999, currency: 'EUR' },
      lockedUntil: '2025-06-01T12:00:00Z',
    },
  ],
  couponCodes: ['WELCOME'],
  exchangeRate: {
    from: 'USD',
    to: 'EUR',
    rateNumerator: 92137,
    rateDenominator: 100000,
    lockedAt: '2025-06-01T11:00:00.000Z',
  },
  createdAt: '2025-06-01T11:00:00.000Z',
}

describe('CartSchema', () => {
  it('accepts a cart carrying its locked exchange rate', () => {
    expect(CartSchema.parse(cart)).toEqual(cart)
  })

  it('rejects a zero quantity, a non-ISO lock time and a fractional rate', () => {
    const bad = (patch: (c: typeof cart) => unknown) =>
      CartSchema.safeParse(patch(structuredClone(cart))).success
    expect(bad((c) => ({ ...c, lines: [{ ...c.lines[0], quantity: 0 }] }))).toBe(false)
    expect(bad((c) => ({ ...c, lines: [{ ...c.lines[0], lockedUntil: 'tomorrow' }] }))).toBe(false)
    expect(bad((c) => ({ ...c, exchangeRate: { ...c.exchangeRate, rateNumerator: 0.92 } }))).toBe(
      false,
    )
  })
})
