import { describe, expect, it } from 'vitest'
import { CurrencyMismatchError } from '../errors'
import { money } from '../money'
import type { CartLine } from './cart-line'
import { detectPriceChanges } from './price-changes'

const usd = (amount: number) => money(amount, 'USD')
const now = new Date('2025-06-01T12:00:00Z')
const lines: CartLine[] = [
  {
    lineId: 'locked',
    sku: 'A',
    quantity: 1,
    unitPrice: usd(1000),
    lockedUntil: '2025-06-01T12:00:01Z',
  },
  {
    lineId: 'expired',
    sku: 'B',
    quantity: 1,
    unitPrice: usd(2000),
    lockedUntil: '2025-06-01T12:00:00Z',
  },
  {
    lineId: 'expired-same',
    sku: 'C',
    quantity: 2,
    unitPrice: usd(300),
    lockedUntil: '2025-05-01T00:00:00Z',
  },
  { lineId: 'never-locked', sku: 'D', quantity: 1, unitPrice: usd(700) },
  { lineId: 'gone', sku: 'E', quantity: 1, unitPrice: usd(50) },
]
const current = new Map([
  ['A', usd(1100)],
  ['B', usd(2100)],
  ['C', usd(300)],
  ['D', usd(650)],
])

describe('detectPriceChanges', () => {
  it('reports lines whose lock has run out and whose price moved, and vanished SKUs', () => {
    expect(detectPriceChanges(lines, current, now)).toEqual([
      {
        lineId: 'expired',
        sku: 'B',
        status: 'price_changed',
        oldUnitPrice: usd(2000),
        newUnitPrice: usd(2100),
      },
      {
        lineId: 'never-locked',
        sku: 'D',
        status: 'price_changed',
        oldUnitPrice: usd(700),
        newUnitPrice: usd(650),
      },
      { lineId: 'gone', sku: 'E', status: 'unavailable', oldUnitPrice: usd(50) },
    ])
  })

  it('reports the locked line once its lock expires', () => {
    const later = new Date('2025-06-01T12:00:01Z')
    expect(detectPriceChanges(lines.slice(0, 1), current, later)).toEqual([
      {
        lineId: 'locked',
        sku: 'A',
        status: 'price_changed',
        oldUnitPrice: usd(1000),
        newUnitPrice: usd(1100),
      },
    ])
  })

  it('refuses a current price in another currency', () => {
    expect(() => detectPriceChanges(lines, new Map([['B', money(2000, 'EUR')]]), now)).toThrow(
      CurrencyMismatchError,
    )
  })
})
