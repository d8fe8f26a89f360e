import { PlaceOrderInput } from '@emporium/domain'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { RequireSignIn } from '../account/require-sign-in'
import { CART_KEY, useCart } from '../cart/use-cart'
import { CartTotals } from '../cart/cart-totals'
import { errorMessage, validate } from '../forms/field-errors'
import { FormMessage, SubmitButton } from '../forms/form-parts'
import { FieldProblems, useSchemaForm } from '../forms/use-schema-form'
import { Link, navigate } from '../router'
import { trpc, type AddressView } from '../trpc'
import { QueryView } from '../ui/query-view'
import { addressLine, BillingAddressField } from './billing-address-field'
import { usePaymentMethod } from './use-payment-method'

/** Where the order ships: the region the cart prices tax for (`US-NY`, or the country). */
function shippingRegionOf(address: AddressView): string {
  const region = address.region?.trim().toUpperCase()
  return region && /^[A-Z0-9]{1,3}$/.test(region) ? `${address.country}-${region}` : address.country
}

const AddressChoice = PlaceOrderInput.pick({ shippingAddressId: true, billingAddressId: true })

/** `/checkout`: pick addresses from the address book (shipping, billing), give a card, place the order. */
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
  const payment = usePaymentMethod()
  const addressErrorId = useId()
  // One key per visit to this page: a retried or double-clicked "Place order" is the same order.
  const [idempotencyKey] = useState(() => crypto.randomUUID())
  const shipTo = useMutation({
    mutationFn: (region: string) => trpc.cart.setShippingRegion.mutate({ region }),
    onSuccess: (view) => queryClient.setQueryData(CART_KEY, view),
  })
  const place = useSchemaForm({
    schema: PlaceOrderInput,
    prepare: (raw) => {
      const values = {
        shippingAddressId: raw.shippingAddressId ?? '',
        // "Same as shipping" sends no billing address.
        billingAddressId: raw.billingAddressId || undefined,
        paymentMethodToken: (raw.paymentMethodToken ?? '').trim(),
      }
      if (payment.choice?.kind !== 'stripe-card-element') return values
      // The address is checked before Stripe is asked for a PaymentMethod.
      const address = validate(AddressChoice, values)
      if (!address.ok) throw new FieldProblems(address.errors)
      return payment.collect(raw).then((paymentMethodToken) => ({ ...values, paymentMethodToken }))
    },
    submit: (input) => trpc.orders.place.mutate(input, { context: { idempotencyKey } }),
    onSuccess: ({ checkoutId }) =>
      navigate(`/checkout/progress?id=${encodeURIComponent(checkoutId)}`),
  })
  const addressError = place.errors.shippingAddressId
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
                  onSubmit={place.onSubmit}
                  noValidate
                  className="stack"
                >
                  <fieldset aria-describedby={addressError ? addressErrorId : undefined}>
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
                          aria-invalid={addressError ? true : undefined}
                          onChange={() => shipTo.mutate(shippingRegionOf(a))}
                        />
                        {addressLine(a)}
                      </label>
                    ))}
                    {addressError ? (
                      <p id={addressErrorId} className="field__error">
                        {addressError.join(' ')}
                      </p>
                    ) : null}
                    {shipTo.error ? (
                      <p className="form-error">{errorMessage(shipTo.error)}</p>
                    ) : null}
                  </fieldset>
                  {book.length > 0 ? (
                    <BillingAddressField book={book} errors={place.errors.billingAddressId} />
                  ) : null}
                  <fieldset>
                    <legend>Payment</legend>
                    <QueryView query={payment.config} what="the payment options">
                      {() => payment.field(place.errors.paymentMethodToken)}
                    </QueryView>
                  </fieldset>
                  <CartTotals totals={view.totals} />
                  {view.checkout.ready ? null : (
                    <ul aria-label="Before you can order" className="blockers">
                      {view.checkout.blockers.map((b) => (
                        <li key={b}>{b}</li>
                      ))}
                    </ul>
                  )}
                  <FormMessage error={place.formError} />
                  <SubmitButton
                    pending={place.pending || shipTo.isPending}
                    disabled={!payment.ready}
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
