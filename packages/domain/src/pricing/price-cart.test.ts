import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CurrencyMismatchError, InvalidArgumentError } from '../errors'
import { money } from '../money'
import type { AppliedDiscount } from './applied-discount'
import type { CartLine } from './cart-line'
import { CartTotalsSchema } from './cart-totals'
import { priceCart } from './price-cart'
import type { ShippingRule } from './shipping-rule'
import type { TaxRule } from './tax-rule'

const usd = (amount: number) => money(amount, 'USD')
const line = (
  lineId: string,
  quantity: number,
  unit: number,
  extra: Partial<CartLine> = {},
): CartLine => ({
  lineId,
  sku: `SKU-${lineId}`,
  quantity,
  unitPrice: usd(unit),
  ...extra,
})
const tax: TaxRule = { region: 'US-NY', rateBasisPoints: 825, categoryRates: { books: 500 } }
const shipping: ShippingRule = { kind: 'free_over', fee: usd(599), threshold: usd(5000) }
const lines = [
  line('L1', 2, 1000),
  line('L2', 1, 1500),
  line('L3', 3, 333, { taxCategory: 'books' }),
]
const discounts: AppliedDiscount[] = [
  {
    couponCode: 'SHOES10',
    scope: 'line',
    amount: usd(150),
    lines: [{ lineId: 'L2', amount: usd(150) }],
  },
  { couponCode: 'TENOFF', scope: 'order', amount: usd(1000) },
]

describe('priceCart', () => {
  it('prices a cart with line and order discounts, per-line tax and shipping', () => {
    const totals = priceCart({ currency: 'USD', lines, discounts, tax, shipping })
    expect(CartTotalsSchema.parse(totals)).toEqual(totals)
    expect(
      totals.lines.map((l) => [l.subtotal.amount, l.lineDiscount.amount, l.orderDiscount.amount]),
    ).toEqual([
      [2000, 0, 460], // 1000 × 2000/4349 = 459.88 → gets a leftover cent
      [1500, 150, 310], // 310.42
      [999, 0, 230], // 229.71 → gets the other leftover cent
    ])
    expect(
      totals.lines.map((l) => [l.discountedSubtotal.amount, l.taxRateBasisPoints, l.tax.amount]),
    ).toEqual([
      [1540, 825, 127], // 127.05
      [1040, 825, 86], // 85.8
      [769, 500, 38], // 38.45
    ])
    expect(totals.lines.map((l) => l.total.amount)).toEqual([1667, 1126, 807])
    expect(totals).toMatchObject({
      subtotal: usd(4499),
      discountTotal: usd(1150),
      discountedSubtotal: usd(3349),
      shipping: usd(599), // 3349 is under the 5000 threshold
      shippingDiscount: usd(0),
      taxTotal: usd(251),
      grandTotal: usd(4199),
    })
    expect(totals.discounts).toEqual([
      { couponCode: 'SHOES10', scope: 'line', amount: usd(150) },
      { couponCode: 'TENOFF', scope: 'order', amount: usd(1000) },
    ])
  })

  it('zeroes shipping with a free-shipping coupon and credits only the first one', () => {
    const withFree: AppliedDiscount[] = [
      ...discounts,
      { couponCode: 'SHIPFREE', scope: 'shipping' },
      { couponCode: 'ALSOFREE', scope: 'shipping' },
    ]
    const totals = priceCart({ currency: 'USD', lines, discounts: withFree, tax, shipping })
    expect(totals.shipping).toEqual(usd(599))
    expect(totals.shippingDiscount).toEqual(usd(599))
    expect(totals.grandTotal).toEqual(usd(3600))
    expect(totals.discounts.slice(2)).toEqual([
      { couponCode: 'SHIPFREE', scope: 'shipping', amount: usd(599) },
      { couponCode: 'ALSOFREE', scope: 'shipping', amount: usd(0) },
    ])
  })

  it('rounds exact half cents of tax to the even cent, line by line', () => {
    const totals = priceCart({
      currency: 'USD',
      lines: [line('A', 1, 200), line('B', 1, 600)], // 16.5 → 16, 49.5 → 50
      discounts: [],
      tax,
      shipping: { kind: 'flat', fee: usd(0) },
    })
    expect(totals.lines.map((l) => l.tax.amount)).toEqual([16, 50])
  })

  it('applies each shipping rule to the discounted merchandise total', () => {
    const price = (rule: ShippingRule, ds: AppliedDiscount[] = []) =>
      priceCart({
        currency: 'USD',
        lines: [line('A', 3, 2000)],
        discounts: ds,
        tax,
        shipping: rule,
      }).shipping.amount
    expect(price({ kind: 'flat', fee: usd(499) })).toBe(499)
    expect(price({ kind: 'per_item', base: usd(300), perItem: usd(150) })).toBe(750)
    expect(price({ kind: 'free_over', fee: usd(599), threshold: usd(6000) })).toBe(0)
    const oneCentOff: AppliedDiscount[] = [{ couponCode: 'C', scope: 'order', amount: usd(1) }]
    expect(price({ kind: 'free_over', fee: usd(599), threshold: usd(6000) }, oneCentOff)).toBe(599)
    const empty = priceCart({
      currency: 'USD',
      lines: [],
      discounts: [],
      tax,
      shipping: { kind: 'flat', fee: usd(499) },
    })
    expect(empty.grandTotal).toEqual(usd(0))
  })

  it('refuses amounts in another currency', () => {
    const eur = line('E', 1, 100, { unitPrice: money(100, 'EUR') })
    expect(() =>
      priceCart({ currency: 'USD', lines: [...lines, eur], discounts, tax, shipping }),
    ).toThrow(CurrencyMismatchError)
    const eurDiscount: AppliedDiscount = {
      couponCode: 'EU',
      scope: 'order',
      amount: money(5, 'EUR'),
    }
    expect(() =>
      priceCart({ currency: 'USD', lines, discounts: [eurDiscount], tax, shipping }),
    ).toThrow(CurrencyMismatchError)
    expect(() =>
      priceCart({
        currency: 'USD',
        lines,
        discounts: [],
        tax,
        shipping: { kind: 'flat', fee: money(1, 'EUR') },
      }),
    ).toThrow(CurrencyMismatchError)
  })

  it('refuses a discount bigger than what it applies to', () => {
    const tooBig: AppliedDiscount = { couponCode: 'BIG', scope: 'order', amount: usd(4500) }
    expect(() => priceCart({ currency: 'USD', lines, discounts: [tooBig], tax, shipping })).toThrow(
      'Discount BIG is 4500 but only 4499 is left to discount',
    )
    const lineTooBig: AppliedDiscount = {
      couponCode: 'L',
      scope: 'line',
      amount: usd(1501),
      lines: [{ lineId: 'L2', amount: usd(1501) }],
    }
    expect(() =>
      priceCart({ currency: 'USD', lines, discounts: [lineTooBig], tax, shipping }),
    ).toThrow(InvalidArgumentError)
  })
})

describe('priceCart properties', () => {
  const cartArb = fc
    .array(
      fc.record({
        quantity: fc.integer({ min: 1, max: 20 }),
        unit: fc.integer({ min: 0, max: 100_000 }),
      }),
      {
        minLength: 1,
        maxLength: 8,
      },
    )
    .map((specs) => specs.map((s, i) => line(`L${i}`, s.quantity, s.unit)))

  it('splits order discounts so the shares sum exactly and no line goes below zero', () => {
    fc.assert(
      fc.property(
        cartArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 3000 }),
        (cart, f, bp) => {
          const subtotal = cart.reduce((acc, l) => acc + l.quantity * l.unitPrice.amount, 0)
          const off = Math.floor(subtotal * f)
          const totals = priceCart({
            currency: 'USD',
            lines: cart,
            discounts: [{ couponCode: 'X', scope: 'order', amount: usd(off) }],
            tax: { region: 'R', rateBasisPoints: bp },
            shipping: { kind: 'flat', fee: usd(500) },
          })
          const shares = totals.lines.map((l) => l.orderDiscount.amount)
          expect(shares.reduce((a, b) => a + b, 0)).toBe(off)
          for (const [i, l] of totals.lines.entries()) {
            expect(l.discountedSubtotal.amount).toBeGreaterThanOrEqual(0)
            // Each share is its exact proportional share rounded down or up.
            const exact = subtotal === 0 ? 0 : (off * l.subtotal.amount) / subtotal
            expect(Math.abs((shares[i] ?? 0) - exact)).toBeLessThan(1 + 1e-6)
            expect(
              Math.abs(l.tax.amount - (l.discountedSubtotal.amount * bp) / 10_000),
            ).toBeLessThanOrEqual(0.5)
          }
          expect(totals.grandTotal.amount).toBe(
            totals.discountedSubtotal.amount +
              totals.shipping.amount -
              totals.shippingDiscount.amount +
              totals.taxTotal.amount,
          )
          expect(totals.discountTotal.amount).toBe(off)
        },
      ),
    )
  })
})
