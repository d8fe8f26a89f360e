import { RateSellerInput } from '@emporium/domain/reviews'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { trpc } from '../trpc'

type SellerToRate = Awaited<ReturnType<typeof trpc.reviews.orderSellersToRate.query>>[number]

const SCORES = [
  { name: 'shipping', label: 'Shipping speed' },
  { name: 'accuracy', label: 'Item as described' },
  { name: 'communication', label: 'Communication' },
] as const

function ScoreSelect({
  name,
  label,
  errors,
}: {
  name: string
  label: string
  errors?: string[] | undefined
}) {
  const id = useId()
  return (
    <div className={`field${errors ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        defaultValue=""
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
      >
        <option value="">Choose…</option>
        {[5, 4, 3, 2, 1].map((n) => (
          <option key={n} value={n}>
            {n} {n === 1 ? 'star' : 'stars'}
          </option>
        ))}
      </select>
      {errors ? (
        <p id={`${id}-error`} className="field__error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  )
}

/** Rating one seller of the order, checked with the API's own RateSellerInput. */
export function RateSellerForm({ orderId, seller }: { orderId: string; seller: SellerToRate }) {
  const queryClient = useQueryClient()
  const score = (v: string | undefined) => (v ? Number(v) : undefined)
  const form = useSchemaForm({
    schema: RateSellerInput,
    prepare: (v) => ({
      orderId,
      sellerId: seller.sellerId,
      shipping: score(v.shipping),
      accuracy: score(v.accuracy),
      communication: score(v.communication),
      comment: v.comment?.trim() ? v.comment : undefined,
    }),
    submit: (input) => trpc.reviews.rateSeller.mutate(input),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['reviews', 'order-sellers', orderId] }),
  })
  return (
    <form
      aria-label={`Rate ${seller.storeName}`}
      onSubmit={form.onSubmit}
      noValidate
      className="stack"
    >
      <div className="field-row">
        {SCORES.map((s) => (
          <ScoreSelect key={s.name} name={s.name} label={s.label} errors={form.errors[s.name]} />
        ))}
      </div>
      <Field
        label="Comment (optional)"
        name="comment"
        maxLength={2000}
        errors={form.errors.comment}
      />
      <FormMessage error={form.formError} />
      <SubmitButton pending={form.pending} pendingText="Sending…">
        Rate {seller.storeName}
      </SubmitButton>
    </form>
  )
}

/** The order's sellers: rate each once their part has arrived, or see the rating given. */
export function RateSellersSection({ orderId }: { orderId: string }) {
  const sellers = useQuery({
    queryKey: ['reviews', 'order-sellers', orderId],
    queryFn: () => trpc.reviews.orderSellersToRate.query({ orderId }),
  })
  if (!sellers.data) return null
  return (
    <>
      <h3>Rate your sellers</h3>
      <ul className="plain stack" aria-label="Sellers of this order">
        {sellers.data.map((s) => (
          <li key={s.sellerId}>
            <strong>{s.storeName}</strong>
            {s.rated ? (
              <p role="status">
                You rated {s.storeName}: shipping {s.rated.shipping}, accuracy {s.rated.accuracy},
                communication {s.rated.communication} of 5.
              </p>
            ) : s.delivered ? (
              <RateSellerForm orderId={orderId} seller={s} />
            ) : (
              <p className="muted">You can rate this seller once their items have arrived.</p>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
