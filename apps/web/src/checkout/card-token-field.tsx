import { Field } from '../forms/form-parts'
import { TEST_CARDS } from './test-cards'

/**
 * The test payment gateway's card field: shoppers (and testers) type a card token, never a card
 * number; the tokens and their outcomes are listed under it.
 */
export function CardTokenField({
  errors,
  defaultValue = 'tok_visa',
}: {
  errors?: string[] | undefined
  defaultValue?: string
}) {
  return (
    <div className="stack">
      <Field
        label="Card token"
        name="paymentMethodToken"
        defaultValue={defaultValue}
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
