import { CardElement, Elements, useElements, useStripe } from '@stripe/react-stripe-js'
// The "pure" entry loads Stripe.js only when loadStripe is called, so pages without a card form
// never fetch it.
import type { Stripe } from '@stripe/stripe-js'
import { loadStripe } from '@stripe/stripe-js/pure'
import { useEffect, useId, useImperativeHandle, useState, type RefObject } from 'react'
import { FieldProblems } from '../forms/use-schema-form'
import { STRIPE_UNAVAILABLE_MESSAGE } from './payment-method-choice'

/** Turns what the shopper typed into Stripe's card Element into a PaymentMethod id (`pm_…`). */
export interface StripeCardHandle {
  createPaymentMethod: () => Promise<string>
}

export type StripeCardState = 'loading' | 'ready' | 'unavailable'

type Loaded = { state: 'loading' } | { state: 'ready'; stripe: Stripe } | { state: 'unavailable' }

/**
 * Stripe's card Element (SAQ-A): the card number, expiry and CVC are typed into Stripe.js's own
 * iframe and go only to Stripe; our page and API only ever see the PaymentMethod id. When Stripe.js
 * cannot be loaded, a clear message stands in for the form.
 */
export function StripeCardSection({
  publishableKey,
  errors,
  handleRef,
  onStateChange,
}: {
  publishableKey: string
  errors?: string[] | undefined
  handleRef: RefObject<StripeCardHandle | null>
  onStateChange?: (state: StripeCardState) => void
}) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })
  useEffect(() => {
    let current = true
    setLoaded({ state: 'loading' })
    loadStripe(publishableKey).then(
      (stripe) => {
        if (current) setLoaded(stripe ? { state: 'ready', stripe } : { state: 'unavailable' })
      },
      (error: unknown) => {
        console.error('Stripe.js could not be loaded', error)
        if (current) setLoaded({ state: 'unavailable' })
      },
    )
    return () => {
      current = false
    }
  }, [publishableKey])
  useEffect(() => onStateChange?.(loaded.state), [loaded.state, onStateChange])

  if (loaded.state === 'unavailable') {
    return (
      <div className="alert" role="alert">
        <p>{STRIPE_UNAVAILABLE_MESSAGE}</p>
      </div>
    )
  }
  if (loaded.state === 'loading') {
    return (
      <p role="status" className="loading">
        Loading the secure card form from Stripe…
      </p>
    )
  }
  return (
    <Elements stripe={loaded.stripe}>
      <CardInput
        errors={errors}
        handleRef={handleRef}
        onLoadError={(error) => {
          console.error('Stripe’s card form could not be loaded', error)
          setLoaded({ state: 'unavailable' })
        }}
      />
    </Elements>
  )
}

function CardInput({
  errors,
  handleRef,
  onLoadError,
}: {
  errors?: string[] | undefined
  handleRef: RefObject<StripeCardHandle | null>
  onLoadError: (error: unknown) => void
}) {
  const stripe = useStripe()
  const elements = useElements()
  const id = useId()
  useImperativeHandle(
    handleRef,
    () => ({
      async createPaymentMethod() {
        const card = elements?.getElement(CardElement)
        if (!stripe || !card)
          throw new FieldProblems({ paymentMethodToken: [STRIPE_UNAVAILABLE_MESSAGE] })
        const result = await stripe.createPaymentMethod({ type: 'card', card })
        if (result.error)
          throw new FieldProblems({
            paymentMethodToken: [result.error.message ?? 'Stripe could not accept this card.'],
          })
        return result.paymentMethod.id
      },
    }),
    [stripe, elements],
  )
  const invalid = Boolean(errors?.length)
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <span id={`${id}-label`} className="field__label">
        Card
      </span>
      <div
        role="group"
        aria-labelledby={`${id}-label`}
        aria-describedby={[`${id}-hint`, invalid ? `${id}-error` : null].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        className="stripe-card"
      >
        <CardElement
          options={{ hidePostalCode: true }}
          onLoadError={(event) => onLoadError(event.error)}
        />
      </div>
      <p id={`${id}-hint`} className="field__hint">
        Card details go straight to Stripe, our payment provider; this shop never sees them.
      </p>
      {invalid ? (
        <p id={`${id}-error`} className="field__error">
          {errors?.join(' ')}
        </p>
      ) : null}
    </div>
  )
}
