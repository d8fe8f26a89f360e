import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { errorMessage } from '../forms/field-errors'
import { formText } from '../forms/form-text'
import { FormMessage, SubmitButton } from '../forms/form-parts'
import { trpc } from '../trpc'
import { CardTokenField } from './card-token-field'

/** After a decline: pay with another card, or cancel (nothing is charged; the items are released). */
export function RetryPaymentForm({
  checkoutId,
  onChange,
}: {
  checkoutId: string
  onChange: () => void
}) {
  const [problem, setProblem] = useState<string | null>(null)
  const retry = useMutation({
    mutationFn: (paymentMethodToken: string) =>
      trpc.orders.updatePaymentMethod.mutate({ checkoutId, paymentMethodToken }),
    onSuccess: onChange,
  })
  const cancel = useMutation({
    mutationFn: () => trpc.orders.cancel.mutate({ checkoutId }),
    onSuccess: onChange,
  })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const token = formText(new FormData(event.currentTarget), 'paymentMethodToken').trim()
    if (!/^[A-Za-z0-9_]{3,255}$/.test(token))
      return setProblem('A payment method token is letters, digits and underscores, like tok_visa.')
    setProblem(null)
    retry.mutate(token)
  }
  const failed = retry.error ?? cancel.error
  return (
    <form aria-label="Try another card" onSubmit={onSubmit} className="stack">
      <CardTokenField errors={problem ? [problem] : undefined} />
      <FormMessage
        error={failed ? errorMessage(failed) : null}
        success={cancel.data?.message ?? (retry.isSuccess ? 'Trying the new card…' : null)}
      />
      <div className="actions">
        <SubmitButton pending={retry.isPending} pendingText="Sending…">
          Pay with this card
        </SubmitButton>
        <button type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          Cancel checkout
        </button>
      </div>
    </form>
  )
}
