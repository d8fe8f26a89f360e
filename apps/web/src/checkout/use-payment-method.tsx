import { useQuery } from '@tanstack/react-query'
import { useCallback, useRef, useState, type ReactNode } from 'react'
import { FieldProblems } from '../forms/use-schema-form'
import { trpc } from '../trpc'
import { CardTokenField } from './card-token-field'
import { choosePaymentMethod, STRIPE_UNAVAILABLE_MESSAGE } from './payment-method-choice'
import {
  StripeCardSection,
  type StripeCardHandle,
  type StripeCardState,
} from './stripe-card-section'

/**
 * The payment part of a checkout form, chosen from `payments.config`: Stripe's card Element or a
 * card-token field. `collect` gives the `paymentMethodToken` to send (asking Stripe for a
 * PaymentMethod first when its card Element is shown); `ready` is false while no card can be taken.
 */
export function usePaymentMethod() {
  const config = useQuery({
    queryKey: ['payments', 'config'],
    queryFn: () => trpc.payments.config.query(),
    staleTime: Infinity,
  })
  const choice = config.data ? choosePaymentMethod(config.data) : null
  const stripeCard = useRef<StripeCardHandle | null>(null)
  const [stripeState, setStripeState] = useState<StripeCardState>('loading')
  const onStateChange = useCallback((state: StripeCardState) => setStripeState(state), [])

  const field = (errors: string[] | undefined): ReactNode => {
    if (!choice) return null
    switch (choice.kind) {
      case 'stripe-card-element':
        return (
          <StripeCardSection
            publishableKey={choice.publishableKey}
            errors={errors}
            handleRef={stripeCard}
            onStateChange={onStateChange}
          />
        )
      case 'stripe-payment-method-id':
        return <CardTokenField errors={errors} gateway="stripe" />
      case 'test-gateway-token':
        return <CardTokenField errors={errors} gateway="test" />
    }
  }

  /** The token to send: typed in the card-token field, or a PaymentMethod id from Stripe. */
  const collect = async (raw: Record<string, string>): Promise<string> => {
    if (choice?.kind !== 'stripe-card-element') return (raw.paymentMethodToken ?? '').trim()
    const card = stripeCard.current
    if (!card) throw new FieldProblems({ paymentMethodToken: [STRIPE_UNAVAILABLE_MESSAGE] })
    return card.createPaymentMethod()
  }

  const ready =
    choice !== null && (choice.kind !== 'stripe-card-element' || stripeState === 'ready')
  return { config, choice, field, collect, ready }
}
