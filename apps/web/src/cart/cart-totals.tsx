import type { CartView } from '../trpc'
import { formatPrice } from '../ui/format-price'

/** Subtotal, discounts, shipping, tax and the total, as the API priced them. */
export function CartTotals({ totals }: { totals: CartView['totals'] }) {
  const rows: [string, { amount: number; currency: string }, boolean?][] = [
    ['Subtotal', totals.subtotal],
    ['Discounts', { ...totals.discountTotal, amount: -totals.discountTotal.amount }, true],
    ['Shipping', totals.shipping],
    [
      'Shipping discount',
      { ...totals.shippingDiscount, amount: -totals.shippingDiscount.amount },
      true,
    ],
    ['Tax', totals.taxTotal],
  ]
  return (
    <dl className="totals" aria-label="Totals">
      {rows
        .filter(([, m, optional]) => !optional || m.amount !== 0)
        .map(([label, m]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{formatPrice(m)}</dd>
          </div>
        ))}
      <div className="totals__grand">
        <dt>Total</dt>
        <dd>{formatPrice(totals.grandTotal)}</dd>
      </div>
    </dl>
  )
}
