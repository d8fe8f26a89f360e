import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { RequireSignIn } from '../account/require-sign-in'
import { CART_KEY, useCart } from '../cart/use-cart'
import { CartTotals } from '../cart/cart-totals'
import { errorMessage, serverFieldErrors } from '../forms/field-errors'
import { formText } from '../forms/form-text'
import { FormMessage, SubmitButton } from '../forms/form-parts'
import { Link, navigate } from '../router'
import { trpc, type AddressView } from '../trpc'
import { QueryView } from '../ui/query-view'
import { CardTokenField } from './card-token-field'

const TOKEN = /^[A-Za-z0-9_]{3,255}$/

/** Where the order ships: the region the cart prices tax for (`US-NY`, or the country). */
function shippingRegionOf(address: AddressView): string {
  const region = address.region?.trim().toUpperCase()
  return region && /^[A-Z0-9]{1,3}$/.test(region) ? `${address.country}-${region}` : address.country
}

/** `/checkout`: pick an address from the address book, enter a card token, place the order. */
export function CheckoutPage() {
  return (
    <RequireSignIn title="Checkout" returnTo="/checkout">
      {() => <CheckoutForm />}
    </RequireSignIn>
  )
}

function CheckoutForm() {
  const queryClient = useQueryClient()
  const cart = useCart()
  const addresses = useQuery({
    queryKey: ['account', 'addresses'],
    queryFn: () => trpc.account.listAddresses.query(),
  })
  const [problems, setProblems] = useState<Record<string, string[]>>({})
  // One key per visit to this page: a retried or double-clicked "Place order" is the same order.
  const [idempotencyKey] = useState(() => crypto.randomUUID())
  const shipTo = useMutation({
    mutationFn: (region: string) => trpc.cart.setShippingRegion.mutate({ region }),
    onSuccess: (view) => queryClient.setQueryData(CART_KEY, view),
  })
  const place = useMutation({
    mutationFn: (input: { shippingAddressId: string; paymentMethodToken: string }) =>
      trpc.orders.place.mutate(input, { context: { idempotencyKey } }),
    onSuccess: ({ checkoutId }) =>
      navigate(`/checkout/progress?id=${encodeURIComponent(checkoutId)}`),
  })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const shippingAddressId = formText(data, 'shippingAddressId')
    const paymentMethodToken = formText(data, 'paymentMethodToken').trim()
    const found: Record<string, string[]> = {}
    if (!shippingAddressId)
      found.shippingAddressId = ['Choose a shipping address from your address book.']
    if (!TOKEN.test(paymentMethodToken))
      found.paymentMethodToken = [
        'A payment method token is letters, digits and underscores, like tok_visa.',
      ]
    setProblems(found)
    if (Object.keys(found).length === 0) place.mutate({ shippingAddressId, paymentMethodToken })
  }
  const errors = { ...serverFieldErrors(place.error), ...problems }
  return (
    <section className="panel" aria-labelledby="checkout-title">
      <h2 id="checkout-title">Checkout</h2>
      <QueryView query={cart} what="your cart">
        {(view) =>
          view.lines.length === 0 ? (
            <p>
              Your cart is empty. <Link to="/search">Browse products</Link>.
            </p>
          ) : (
            <QueryView query={addresses} what="your addresses">
              {(book) => (
                <form
                  aria-label="Place your order"
                  onSubmit={onSubmit}
                  noValidate
                  className="stack"
                >
                  <fieldset>
                    <legend>Ship to</legend>
                    {book.length === 0 ? (
                      <p>
                        Your address book is empty. <Link to="/account">Add an address</Link> first.
                      </p>
                    ) : null}
                    {book.map((a) => (
                      <label key={a.id} className="check">
                        <input
                          type="radio"
                          name="shippingAddressId"
                          value={a.id}
                          onChange={() => shipTo.mutate(shippingRegionOf(a))}
                        />
                        {a.fullName}, {a.line1}, {a.city} {a.postalCode}, {a.country}
                      </label>
                    ))}
                    {errors.shippingAddressId ? (
                      <p className="field__error">{errors.shippingAddressId.join(' ')}</p>
                    ) : null}
                    {shipTo.error ? (
                      <p className="form-error">{errorMessage(shipTo.error)}</p>
                    ) : null}
                  </fieldset>
                  <fieldset>
                    <legend>Payment</legend>
                    <CardTokenField errors={errors.paymentMethodToken} />
                  </fieldset>
                  <CartTotals totals={view.totals} />
                  {view.checkout.ready ? null : (
                    <ul aria-label="Before you can order" className="blockers">
                      {view.checkout.blockers.map((b) => (
                        <li key={b}>{b}</li>
                      ))}
                    </ul>
                  )}
                  <FormMessage error={place.error ? errorMessage(place.error) : null} />
                  <SubmitButton
                    pending={place.isPending || shipTo.isPending}
                    pendingText="Placing order…"
                  >
                    Place order
                  </SubmitButton>
                </form>
              )}
            </QueryView>
          )
        }
      </QueryView>
    </section>
  )
}
