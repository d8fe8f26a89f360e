import { buildCartView, DEFAULT_CART_SETTINGS, readCart, type CartSettings } from '@emporium/cart'
import {
  findAddress,
  findCouponsByCodes,
  sealPlanAddress,
  type Db,
  type PiiKeyRing,
} from '@emporium/db'
import type { Redis } from '@emporium/infra'
import type { CheckoutFailureCode, CheckoutLine, CheckoutPlan } from '@emporium/workflows'
import { ApplicationFailure } from '@temporalio/common'

/** A business refusal: non-retryable, typed with the checkout failure code. */
export function refuse(code: CheckoutFailureCode, message: string, details?: unknown): never {
  throw ApplicationFailure.create({
    type: code,
    message,
    nonRetryable: true,
    details: details === undefined ? [] : [details],
  })
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

async function shippingAddress(db: Db, pii: PiiKeyRing, userId: string, addressId: string) {
  const address = UUID.test(addressId) ? await findAddress(db, pii, userId, addressId) : undefined
  if (!address) refuse('cart_invalid', 'Choose a shipping address from your address book.')
  const missing = (
    [
      ['full name', address.full_name],
      ['street', address.line1],
      ['city', address.city],
      ['postal code', address.postal_code],
      ['country', address.country],
    ] as const
  )
    .filter(([, value]) => value.trim() === '')
    .map(([name]) => name)
  if (missing.length > 0)
    refuse('cart_invalid', `Your shipping address has no ${missing.join(', ')}; complete it.`)
  return address
}

/**
 * Re-reads and re-prices the cart as checkout sees it: lines still on sale at a price within its
 * lock, coupons that still apply, a complete address in the region the cart was priced for.
 * Stock is left to the reservation, which decides it atomically.
 */
export async function validateCart(
  deps: { db: Db; pii: PiiKeyRing; redis: Redis; cartSettings?: CartSettings },
  input: { cartId: string; userId: string; shippingAddressId: string },
  now = new Date(),
): Promise<CheckoutPlan> {
  const { db, redis } = deps
  const cart = await readCart(redis, input.cartId, deps.cartSettings ?? DEFAULT_CART_SETTINGS)
  if (!cart || cart.lines.length === 0) refuse('cart_invalid', 'Your cart is empty or has expired.')
  if (cart.meta.userId !== input.userId)
    refuse('cart_invalid', 'This cart belongs to another shopper.')
  const view = await buildCartView(db, cart, now)

  const blockers: string[] = []
  for (const line of view.lines) {
    const name = line.productName ?? line.sku
    if (line.status === 'price_changed')
      blockers.push(`The price of ${name} has changed; review it before checking out.`)
    if (line.status === 'unavailable') blockers.push(`${name} is no longer available; remove it.`)
  }
  if (view.shippingRegion === null) blockers.push('Choose where to ship your order.')
  if (blockers.length > 0) refuse('cart_invalid', blockers.join(' '), { blockers })
  const refusal = view.couponRefusals[0]
  if (refusal) refuse('coupon_unavailable', refusal.message, { couponCode: refusal.couponCode })

  const region = view.shippingRegion as string
  const address = await shippingAddress(db, deps.pii, input.userId, input.shippingAddressId)
  const country = region.split('-')[0]
  if (address.country.toUpperCase() !== country) {
    refuse(
      'cart_invalid',
      `Your cart was priced for shipping to ${region}, but the address is in ${address.country}; choose a matching address or region.`,
    )
  }

  const variantIds = view.lines.map((l) => l.variantId)
  // Lines taken off sale (archived, or their store suspended) are already refused above: the cart
  // view marks them unavailable whatever their price lock says.
  const catalog = await db
    .selectFrom('product_variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select(['v.id', 'p.seller_id'])
    .where('v.id', 'in', variantIds)
    .execute()
  const sellers = new Map(catalog.map((r) => [r.id, r.seller_id]))
  const viewOf = new Map(view.lines.map((l) => [l.variantId, l]))
  const lines: CheckoutLine[] = view.totals.lines.map((priced) => {
    const line = viewOf.get(priced.lineId)
    const sellerId = sellers.get(priced.lineId)
    if (!line?.productId || !line.productName || !sellerId)
      refuse('cart_invalid', `${priced.sku} is no longer available; remove it.`)
    return {
      variantId: priced.lineId,
      productId: line.productId,
      sellerId,
      productName: line.productName,
      sku: priced.sku,
      quantity: priced.quantity,
      unitPriceMinor: priced.unitPrice.amount,
      taxMinor: priced.tax.amount,
      discountMinor: priced.lineDiscount.amount + priced.orderDiscount.amount,
    }
  })

  const discountByCode = new Map<string, number>()
  for (const d of view.totals.discounts)
    discountByCode.set(d.couponCode, (discountByCode.get(d.couponCode) ?? 0) + d.amount.amount)
  const couponRows = await findCouponsByCodes(db, [...discountByCode.keys()])
  const coupons = [...discountByCode].map(([code, discountMinor]) => {
    const row = couponRows.find((c) => c.code.toLowerCase() === code.toLowerCase())
    if (!row) refuse('coupon_unavailable', `Coupon ${code} no longer exists.`)
    return { couponId: row.id, code: row.code, discountMinor }
  })

  const { totals } = view
  const { meta } = cart
  return {
    currency: view.currency,
    lines,
    subtotalMinor: totals.subtotal.amount,
    discountMinor: totals.discountTotal.amount,
    taxMinor: totals.taxTotal.amount,
    shippingMinor: totals.shipping.amount - totals.shippingDiscount.amount,
    totalMinor: totals.grandTotal.amount,
    coupons,
    exchangeRate:
      meta.exchangeRate && meta.exchangeRateDecimal
        ? { base: meta.exchangeRate.from, rate: meta.exchangeRateDecimal }
        : null,
    shippingAddress: sealPlanAddress(deps.pii, {
      fullName: address.full_name,
      line1: address.line1,
      line2: address.line2,
      city: address.city,
      region: address.region,
      postalCode: address.postal_code,
      country: address.country,
      phone: address.phone,
    }),
    shippingRegion: region,
    sellerIds: [...new Set(lines.map((l) => l.sellerId))].sort(),
  }
}
