import { findCartVariants, findTaxRate, type CartVariant, type Db } from '@emporium/db'
import {
  convert,
  detectPriceChanges,
  money,
  priceCart,
  quoteShipping,
  sum,
  multiply,
  type CartLine,
  type CurrencyCode,
  type LockedExchangeRate,
  type Money,
  type TaxRule,
} from '@emporium/domain'
import { evaluateCartCoupons } from './cart-coupons'
import type { CartLineView, CartView } from './cart-schemas'
import { BASE_CURRENCY, SHIPPING_RULES, type CartCurrency } from './cart-settings'
import type { StoredCart } from './cart-store'

/**
 * What a variant costs in `currency` now: its own price in that currency, else its base-currency
 * price converted at the cart's locked rate; undefined when it is not for sale in the currency.
 */
export function currentPrice(
  variant: CartVariant | undefined,
  currency: CurrencyCode,
  rate: LockedExchangeRate | null,
): Money | undefined {
  if (!variant?.purchasable) return undefined
  const own = variant.prices[currency]
  if (own !== undefined) return money(own, currency)
  const base = variant.prices[BASE_CURRENCY]
  if (base === undefined || rate === null || rate.from !== BASE_CURRENCY || rate.to !== currency) {
    return undefined
  }
  return convert(money(base, BASE_CURRENCY), rate)
}

/** The cart with no lines, in `currency`, for a shopper who has none yet. */
export function emptyCartView(currency: CartCurrency): CartView {
  const totals = priceCart({
    currency,
    lines: [],
    discounts: [],
    tax: { region: 'none', rateBasisPoints: 0 },
    shipping: SHIPPING_RULES[currency],
  })
  return {
    id: null,
    currency,
    exchangeRate: null,
    shippingRegion: null,
    lines: [],
    priceChanges: [],
    couponCodes: [],
    couponRefusals: [],
    totals,
    checkout: { ready: false, blockers: ['Your cart is empty.'] },
  }
}

/**
 * Prices a stored cart against today's catalogue: locked prices while their lock holds, current
 * prices (reported as changes) after it; coupons, tax for the shipping region and shipping.
 */
export async function buildCartView(db: Db, cart: StoredCart, now: Date): Promise<CartView> {
  const { meta } = cart
  const currency = meta.currency as CartCurrency
  const variants = await findCartVariants(
    db,
    cart.lines.map((l) => l.variantId),
  )
  const current = new Map<string, Money>()
  for (const line of cart.lines) {
    const price = currentPrice(variants.get(line.variantId), currency, meta.exchangeRate)
    if (price) current.set(line.sku, price)
  }
  const stored: CartLine[] = cart.lines.map((l) => ({
    lineId: l.variantId,
    sku: l.sku,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    lockedUntil: l.lockedUntil,
  }))
  const changes = detectPriceChanges(stored, current, now)
  const changeOf = new Map(changes.map((c) => [c.lineId, c]))
  // Off sale now (archived, its store suspended, or gone) whatever its price lock says: checkout
  // refuses such a line, so the cart says so at once rather than when the lock runs out.
  const offSale = new Set(
    cart.lines.filter((l) => !variants.get(l.variantId)?.purchasable).map((l) => l.variantId),
  )
  const priced: CartLine[] = stored.flatMap((line) => {
    const change = changeOf.get(line.lineId)
    if (change?.status === 'unavailable' || offSale.has(line.lineId)) return []
    return [change ? { ...line, unitPrice: change.newUnitPrice } : line]
  })

  const shipping = SHIPPING_RULES[currency]
  const merchandise = sum(
    priced.map((l) => multiply(l.unitPrice, l.quantity)),
    currency,
  )
  const itemCount = priced.reduce((n, l) => n + l.quantity, 0)
  const coupons = await evaluateCartCoupons(db, {
    codes: meta.couponCodes,
    currency,
    lines: priced,
    shippingQuote: quoteShipping(shipping, merchandise, itemCount),
    userId: meta.userId,
    now,
  })
  const taxRate = meta.shippingRegion ? await findTaxRate(db, meta.shippingRegion) : null
  const tax: TaxRule = {
    region: meta.shippingRegion ?? 'none',
    rateBasisPoints: taxRate?.rateBasisPoints ?? 0,
  }
  const totals = priceCart({ currency, lines: priced, discounts: coupons.applied, tax, shipping })
  const totalOf = new Map(totals.lines.map((l) => [l.lineId, l.total]))

  const lines: CartLineView[] = cart.lines.map((line) => {
    const variant = variants.get(line.variantId)
    const change = changeOf.get(line.variantId)
    const available = variant?.available ?? 0
    const status = offSale.has(line.variantId)
      ? 'unavailable'
      : (change?.status ?? (line.quantity > available ? 'insufficient_stock' : ('ok' as const)))
    return {
      variantId: line.variantId,
      sku: line.sku,
      productId: variant?.productId ?? null,
      productName: variant?.productName ?? null,
      variantTitle: variant?.variantTitle ?? null,
      imageKey: variant?.imageKey ?? null,
      quantity: line.quantity,
      unitPrice: change?.status === 'price_changed' ? change.newUnitPrice : line.unitPrice,
      lockedUntil: line.lockedUntil,
      lineTotal: totalOf.get(line.variantId) ?? null,
      available,
      status,
    }
  })

  const blockers: string[] = []
  if (lines.length === 0) blockers.push('Your cart is empty.')
  for (const line of lines) {
    const name = line.productName ?? line.sku
    if (line.status === 'price_changed')
      blockers.push(`The price of ${name} has changed; review it before checking out.`)
    if (line.status === 'unavailable') blockers.push(`${name} is no longer available; remove it.`)
    if (line.status === 'insufficient_stock')
      blockers.push(`Only ${line.available} of ${name} left in stock; lower the quantity.`)
  }
  if (meta.shippingRegion === null) blockers.push('Choose where to ship your order.')

  return {
    id: meta.id,
    currency,
    exchangeRate: meta.exchangeRate,
    shippingRegion: meta.shippingRegion,
    lines,
    priceChanges: changes.map((c) => ({
      variantId: c.lineId,
      sku: c.sku,
      status: c.status,
      oldUnitPrice: c.oldUnitPrice,
      newUnitPrice: c.status === 'price_changed' ? c.newUnitPrice : null,
    })),
    couponCodes: meta.couponCodes,
    couponRefusals: coupons.refused,
    totals,
    checkout: { ready: blockers.length === 0, blockers },
  }
}
