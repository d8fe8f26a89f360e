import { errorMessage } from '../forms/field-errors'
import { trpc, type CartView } from '../trpc'
import { formatPrice } from '../ui/format-price'
import { useCartChange } from './use-cart'

/** Prices that changed (or items no longer sold) since they were added; checkout waits for an OK. */
export function PriceChangeNotice({ cart }: { cart: CartView }) {
  const acknowledge = useCartChange(() => trpc.cart.acknowledgePriceChanges.mutate())
  if (cart.priceChanges.length === 0) return null
  return (
    <div className="notice" role="alert" aria-labelledby="price-change-title">
      <h3 id="price-change-title">Some prices changed since you added these items</h3>
      <ul>
        {cart.priceChanges.map((c) => (
          <li key={c.variantId}>
            {c.sku}:{' '}
            {c.status === 'unavailable' || c.newUnitPrice === null
              ? 'no longer available'
              : `${formatPrice(c.oldUnitPrice)} → ${formatPrice(c.newUnitPrice)}`}
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() => acknowledge.mutate(undefined)}
        disabled={acknowledge.isPending}
      >
        Accept the new prices
      </button>
      {acknowledge.error ? <p className="form-error">{errorMessage(acknowledge.error)}</p> : null}
    </div>
  )
}
