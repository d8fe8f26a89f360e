import { useId } from 'react'
import type { AddressView } from '../trpc'

/** The address-book line shown for an address in the checkout's choices. */
export function addressLine(a: AddressView): string {
  return `${a.fullName}, ${a.line1}, ${a.city} ${a.postalCode}, ${a.country}`
}

/**
 * Where the card is billed: "Same as shipping" (the form sends no `billingAddressId`) or another
 * address from the address book.
 */
export function BillingAddressField({
  book,
  errors,
}: {
  book: readonly AddressView[]
  errors?: string[] | undefined
}) {
  const id = useId()
  const errorId = `${id}-error`
  const invalid = Boolean(errors?.length)
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>Billing address</label>
      <select
        id={id}
        name="billingAddressId"
        defaultValue=""
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
      >
        <option value="">Same as shipping</option>
        {book.map((a) => (
          <option key={a.id} value={a.id}>
            {addressLine(a)}
          </option>
        ))}
      </select>
      {invalid ? (
        <p id={errorId} className="field__error">
          {errors?.join(' ')}
        </p>
      ) : null}
    </div>
  )
}
