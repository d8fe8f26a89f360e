import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { money } from '../money'
import { priceCart, type CartLine } from '../pricing'
import type { Coupon } from './coupon'
import { evaluateCoupons, type CouponCart } from './evaluate-coupons'

const usd = (amount: number) => money(amount, 'USD')
const now = new Date('2025-06-15T00:00:00Z')
const lines: CartLine[] = [
  { lineId: 'L1', sku: 'SHOE-1', quantity: 1, unitPrice: usd(8000), categories: ['shoes'] },
  { lineId: 'L2', sku: 'SOCK-1', quantity: 3, unitPrice: usd(500), categories: ['socks'] },
  { lineId: 'L3', sku: 'HAT-1', quantity: 1, unitPrice: usd(2500) },
]
const cart: CouponCart = { currency: 'USD', lines } // subtotal 12000
const pct = (code: string, basisPoints: number, extra: Partial<Coupon> = {}): Coupon => ({
  code,
  discount: { kind: 'percentage', basisPoints },
  stackable: true,
  ...extra,
})
const fixed = (code: string, amount: number, extra: Partial<Coupon> = {}): Coupon => ({
  code,
  discount: { kind: 'fixed', amount: usd(amount) },
  stackable: true,
  ...extra,
})
const freeShip = (code: string, extra: Partial<Coupon> = {}): Coupon => ({
  code,
  discount: { kind: 'free_shipping' },
  stackable: true,
  ...extra,
})
const codes = (coupons: { couponCode: string }[]) => coupons.map((c) => c.couponCode)

describe('evaluateCoupons', () => {
  it('applies line-level before order-level, percentage before fixed, free shipping last', () => {
    const coupons = [
      fixed('FIVEOFF', 500),
      freeShip('FREESHIP'),
      pct('TENPCT', 1000),
      fixed('SOCKS5', 500, { restrictTo: { skus: ['SOCK-1'], categories: [] } }),
      pct('SHOES20', 2000, { restrictTo: { skus: [], categories: ['shoes'] } }),
    ]
    const { applied, refused } = evaluateCoupons(coupons, cart, {}, now)
    expect(refused).toEqual([])
    expect(applied).toEqual([
      {
        couponCode: 'SHOES20',
        scope: 'line',
        amount: usd(1600),
        lines: [{ lineId: 'L1', amount: usd(1600) }],
      },
      {
        couponCode: 'SOCKS5',
        scope: 'line',
        amount: usd(500),
        lines: [{ lineId: 'L2', amount: usd(500) }],
      },
      { couponCode: 'TENPCT', scope: 'order', amount: usd(990) }, // 10 % of 6400 + 1000 + 2500
      { couponCode: 'FIVEOFF', scope: 'order', amount: usd(500) },
      { couponCode: 'FREESHIP', scope: 'shipping' },
    ])
    const totals = priceCart({
      currency: 'USD',
      lines,
      discounts: applied,
      tax: { region: 'R', rateBasisPoints: 0 },
      shipping: { kind: 'flat', fee: usd(799) },
    })
    expect(totals.discountedSubtotal).toEqual(usd(8410))
    expect(totals.grandTotal).toEqual(usd(8410))
  })

  it('refuses coupons with a reason a shopper understands', () => {
    const coupons = [
      pct('EARLY', 1000, { validFrom: '2025-07-01T00:00:00Z' }),
      pct('OLD', 1000, { validUntil: '2025-06-01T00:00:00Z' }),
      pct('POPULAR', 1000, { usageLimit: 100 }),
      pct('ONCE', 1000, { perCustomerLimit: 1 }),
      pct('BIGSPEND', 1000, { minimumSpend: usd(15000) }),
      fixed('EURO', 500, { discount: { kind: 'fixed', amount: money(500, 'EUR') } }),
      pct('BAGS', 1000, { restrictTo: { skus: [], categories: ['bags'] } }),
      pct('TENPCT', 1000),
      pct('TENPCT', 1000),
    ]
    const usage = {
      POPULAR: { totalRedemptions: 100, customerRedemptions: 0 },
      ONCE: { totalRedemptions: 5, customerRedemptions: 1 },
    }
    const { applied, refused } = evaluateCoupons(coupons, cart, usage, now)
    expect(codes(applied)).toEqual(['TENPCT'])
    expect(refused).toEqual([
      {
        couponCode: 'EARLY',
        reason: 'not_yet_valid',
        message: 'Coupon EARLY can only be used from 2025-07-01',
      },
      { couponCode: 'OLD', reason: 'expired', message: 'Coupon OLD expired on 2025-06-01' },
      {
        couponCode: 'POPULAR',
        reason: 'usage_limit_reached',
        message: 'Coupon POPULAR has been used as many times as it allows',
      },
      {
        couponCode: 'ONCE',
        reason: 'customer_usage_limit_reached',
        message: 'You have already used coupon ONCE; it can be used once per customer',
      },
      {
        couponCode: 'BIGSPEND',
        reason: 'minimum_spend_not_met',
        message: 'Spend $30.00 more to use coupon BIGSPEND (it needs a $150.00 minimum)',
        shortBy: usd(3000),
      },
      {
        couponCode: 'EURO',
        reason: 'wrong_currency',
        message: 'Coupon EURO is for carts in EUR, and this cart is in USD',
      },
      {
        couponCode: 'BAGS',
        reason: 'not_applicable',
        message: 'Coupon BAGS only applies to selected products, and none of them is in your cart',
      },
      { couponCode: 'TENPCT', reason: 'duplicate', message: 'Coupon TENPCT is already applied' },
    ])
  })

  it('treats window edges and an exactly met minimum as valid', () => {
    const coupons = [
      pct('STARTS', 1000, { validFrom: '2025-06-15T00:00:00Z' }),
      pct('ENDS', 1000, { validUntil: '2025-06-15T00:00:00.001Z' }),
      pct('EXACT', 1000, { minimumSpend: usd(12000), usageLimit: 3, perCustomerLimit: 2 }),
    ]
    const usage = { EXACT: { totalRedemptions: 2, customerRedemptions: 1 } }
    expect(evaluateCoupons(coupons, cart, usage, now).refused).toEqual([])
    const atEnd = evaluateCoupons(
      [pct('ENDS', 1000, { validUntil: '2025-06-15T00:00:00Z' })],
      cart,
      {},
      now,
    )
    expect(atEnd.refused.map((r) => r.reason)).toEqual(['expired'])
  })

  it('keeps one non-stackable coupon, the best for the customer, and names it in the refusals', () => {
    const coupons = [
      pct('A10', 1000, { stackable: false }),
      fixed('B15', 1500, { stackable: false }),
      pct('C5', 500),
    ]
    const { applied, refused } = evaluateCoupons(coupons, cart, {}, now)
    expect(codes(applied)).toEqual(['C5', 'B15'])
    expect(refused).toEqual([
      {
        couponCode: 'A10',
        reason: 'not_stackable',
        message: 'Coupon A10 cannot be combined with coupon B15, which saves you at least as much',
        conflictsWith: 'B15',
      },
    ])
    const tie = evaluateCoupons(
      [fixed('Y', 1000, { stackable: false }), fixed('X', 1000, { stackable: false })],
      cart,
      {},
      now,
    )
    expect(codes(tie.applied)).toEqual(['X'])
    expect(tie.refused.map((r) => [r.couponCode, r.conflictsWith])).toEqual([['Y', 'X']])
    const shipping = evaluateCoupons(
      [fixed('FIVE', 500, { stackable: false }), freeShip('SHIP', { stackable: false })],
      { ...cart, shippingQuote: usd(999) },
      {},
      now,
    )
    expect(codes(shipping.applied)).toEqual(['SHIP'])
  })

  it('never lets a fixed discount exceed what it applies to', () => {
    const socks = { restrictTo: { skus: ['SOCK-1'], categories: [] } }
    const { applied } = evaluateCoupons(
      [fixed('SOCKS100', 10000, socks), fixed('HUGE', 20000)],
      cart,
      {},
      now,
    )
    expect(applied).toEqual([
      {
        couponCode: 'SOCKS100',
        scope: 'line',
        amount: usd(1500),
        lines: [{ lineId: 'L2', amount: usd(1500) }],
      },
      { couponCode: 'HUGE', scope: 'order', amount: usd(10500) },
    ])
    const totals = priceCart({
      currency: 'USD',
      lines,
      discounts: applied,
      tax: { region: 'R', rateBasisPoints: 2000 },
      shipping: { kind: 'flat', fee: usd(500) },
    })
    expect(totals.grandTotal).toEqual(usd(500))
  })
})

describe('evaluateCoupons properties', () => {
  const couponArb = fc.oneof(
    fc
      .record({ bp: fc.integer({ min: 1, max: 10_000 }), restricted: fc.boolean() })
      .map(({ bp, restricted }) => ({
        discount: { kind: 'percentage' as const, basisPoints: bp },
        restricted,
      })),
    fc
      .record({ amount: fc.integer({ min: 1, max: 50_000 }), restricted: fc.boolean() })
      .map(({ amount, restricted }) => ({
        discount: { kind: 'fixed' as const, amount: usd(amount) },
        restricted,
      })),
  )
  const linesArb = fc
    .array(
      fc.record({
        q: fc.integer({ min: 1, max: 5 }),
        unit: fc.integer({ min: 0, max: 20_000 }),
        cat: fc.constantFrom('a', 'b'),
      }),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((specs) =>
      specs.map(
        (s, i): CartLine => ({
          lineId: `L${i}`,
          sku: `S${i}`,
          quantity: s.q,
          unitPrice: usd(s.unit),
          categories: [s.cat],
        }),
      ),
    )

  it('yields discounts that price to a non-negative cart in rank order', () => {
    fc.assert(
      fc.property(linesArb, fc.array(couponArb, { maxLength: 6 }), (cartLines, specs) => {
        const coupons: Coupon[] = specs.map((s, i) => ({
          code: `C${i}`,
          discount: s.discount,
          stackable: true,
          ...(s.restricted ? { restrictTo: { skus: [], categories: ['a'] } } : {}),
        }))
        const { applied, refused } = evaluateCoupons(
          coupons,
          { currency: 'USD', lines: cartLines },
          {},
          now,
        )
        expect(applied.length + refused.length).toBe(coupons.length)
        const scopes = applied.map((a) => a.scope)
        const firstOrder = scopes.indexOf('order')
        if (firstOrder >= 0) expect(scopes.slice(firstOrder)).not.toContain('line')
        const totals = priceCart({
          currency: 'USD',
          lines: cartLines,
          discounts: applied,
          tax: { region: 'R', rateBasisPoints: 1000 },
          shipping: { kind: 'flat', fee: usd(0) },
        })
        for (const l of totals.lines) expect(l.discountedSubtotal.amount).toBeGreaterThanOrEqual(0)
        expect(totals.discountTotal.amount).toBeLessThanOrEqual(totals.subtotal.amount)
      }),
    )
  })
})
