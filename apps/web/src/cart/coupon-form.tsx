import { useState, type FormEvent } from 'react'
import { errorMessage } from '../forms/field-errors'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { trpc, type CartView } from '../trpc'
import { useCartChange } from './use-cart'

/** Coupon entry, the applied codes (each removable) and why any code does not apply. */
export function CouponForm({ cart }: { cart: CartView }) {
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const apply = useCartChange((c: string) => trpc.cart.applyCoupon.mutate({ code: c }))
  const remove = useCartChange((c: string) => trpc.cart.removeCoupon.mutate({ code: c }))
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = code.trim()
    if (trimmed === '') return setProblem('Enter a coupon code')
    setProblem(null)
    apply.mutate(trimmed, { onSuccess: () => setCode('') })
  }
  const applied = cart.couponCodes.filter(
    (c) => !cart.couponRefusals.some((r) => r.couponCode === c),
  )
  return (
    <section aria-labelledby="coupon-title" className="coupons">
      <h3 id="coupon-title">Coupons</h3>
      <form aria-label="Apply a coupon" onSubmit={onSubmit} noValidate>
        <Field
          label="Coupon code"
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          errors={problem ? [problem] : undefined}
        />
        <SubmitButton pending={apply.isPending} pendingText="Applying…">
          Apply
        </SubmitButton>
        <FormMessage error={apply.error ? errorMessage(apply.error) : null} />
      </form>
      {applied.length > 0 ? (
        <ul aria-label="Applied coupons">
          {applied.map((c) => (
            <li key={c}>
              {c}{' '}
              <button
                type="button"
                onClick={() => remove.mutate(c)}
                aria-label={`Remove coupon ${c}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {cart.couponRefusals.map((r) => (
        <p key={r.couponCode} className="notice" role="status">
          {r.couponCode}: {r.message}
        </p>
      ))}
    </section>
  )
}
