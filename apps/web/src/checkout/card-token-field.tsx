import { Field } from '../forms/form-parts'
import { TEST_CARDS } from './test-cards'

/**
 * The card field when no Stripe card form is configured: shoppers (and testers) type a card token,
 * never a card number. With the test gateway its tokens and their outcomes are listed under it;
 * with Stripe but no publishable key (stripe-mock, Stripe test mode) it takes a test PaymentMethod id.
 */
export function CardTokenField({
  errors,
  gateway = 'test',
}: {
  errors?: string[] | undefined
  gateway?: 'test' | 'stripe'
}) {
  if (gateway === 'stripe') {
    return (
      <Field
        label="Stripe payment method"
        name="paymentMethodToken"
        defaultValue="pm_card_visa"
        autoComplete="off"
        spellCheck={false}
        errors={errors}
        hint="Payments go to Stripe in test mode without its card form: enter a test payment method id such as pm_card_visa."
      />
    )
  }
  return (
    <div className="stack">
      <Field
        label="Card token"
        name="paymentMethodToken"
        defaultValue="tok_visa"
        autoComplete="off"
        spellCheck={false}
        errors={errors}
        hint="This shop uses the test payment gateway: enter one of the test tokens below."
      />
      <details>
        <summary>Test card tokens</summary>
        <dl className="test-cards">
          {Object.entries(TEST_CARDS).map(([token, text]) => (
            <div key={token}>
              <dt>
                <code>{token}</code>
              </dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  )
}
