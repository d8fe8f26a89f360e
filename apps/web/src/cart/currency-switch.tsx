import { errorMessage } from '../forms/field-errors'
import { trpc, type CartCurrency, type CartView } from '../trpc'
import { CART_CURRENCIES } from './cart-currencies'
import { useCartChange } from './use-cart'

/** Picks the cart's currency; the API allows it while the cart is empty and says why otherwise. */
export function CurrencySwitch({ cart }: { cart: CartView }) {
  const change = useCartChange((currency: CartCurrency) =>
    trpc.cart.setCurrency.mutate({ currency }),
  )
  return (
    <div className="currency-switch">
      <label className="inline-field">
        Currency{' '}
        <select
          aria-label="Currency"
          value={cart.currency}
          disabled={change.isPending}
          onChange={(e) => change.mutate(e.target.value as CartCurrency)}
        >
          {CART_CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      {change.error ? (
        <p className="form-error" role="alert">
          {errorMessage(change.error)}
        </p>
      ) : null}
    </div>
  )
}
