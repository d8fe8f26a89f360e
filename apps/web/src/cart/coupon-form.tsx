import { CouponCodeInput } from '@emporium/domain'
import { useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { trpc, type CartView } from '../trpc'
import { CART_KEY, useCartChange } from './use-cart'

/** Coupon entry, the applied codes (each removable) and why any code does not apply. */
export function CouponForm({ cart }: { cart: CartView }) {
  const queryClient = useQueryClient()
  const formRef = useRef<HTMLFormElement>(null)
  const apply = useSchemaForm({
    schema: CouponCodeInput,
    submit: (input) => trpc.cart.applyCoupon.mutate(input),
    onSuccess: (view) => {
      queryClient.setQueryData(CART_KEY, view)
      formRef.current?.reset()
    },
  })
  const remove = useCartChange((c: string) => trpc.cart.removeCoupon.mutate({ code: c }))
  const applied = cart.couponCodes.filter(
    (c) => !cart.couponRefusals.some((r) => r.couponCode === c),
  )
  return (
    <section aria-labelledby="coupon-title" className="coupons">
      <h3 id="coupon-title">Coupons</h3>
      <form ref={formRef} aria-label="Apply a coupon" onSubmit={apply.onSubmit} noValidate>
        <Field label="Coupon code" name="code" errors={apply.errors.code} />
        <SubmitButton pending={apply.pending} pendingText="Applying…">
          Apply
        </SubmitButton>
        <FormMessage error={apply.formError} />
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
