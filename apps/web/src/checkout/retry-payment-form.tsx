import { PlaceOrderInput } from '@emporium/domain'
import { useMutation } from '@tanstack/react-query'
import { errorMessage } from '../forms/field-errors'
import { FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { trpc } from '../trpc'
import { QueryView } from '../ui/query-view'
import { usePaymentMethod } from './use-payment-method'

const NewPaymentMethod = PlaceOrderInput.pick({ paymentMethodToken: true })

/** After a decline: pay with another card, or cancel (nothing is charged; the items are released). */
export function RetryPaymentForm({
  checkoutId,
  onChange,
}: {
  checkoutId: string
  onChange: () => void
}) {
  const payment = usePaymentMethod()
  const retry = useSchemaForm({
    schema: NewPaymentMethod,
    prepare: (raw) =>
      payment.choice?.kind === 'stripe-card-element'
        ? payment.collect(raw).then((paymentMethodToken) => ({ paymentMethodToken }))
        : { paymentMethodToken: (raw.paymentMethodToken ?? '').trim() },
    submit: ({ paymentMethodToken }) =>
      trpc.orders.updatePaymentMethod.mutate({ checkoutId, paymentMethodToken }),
    onSuccess: onChange,
  })
  const cancel = useMutation({
    mutationFn: () => trpc.orders.cancel.mutate({ checkoutId }),
    onSuccess: onChange,
  })
  return (
    <form aria-label="Try another card" onSubmit={retry.onSubmit} noValidate className="stack">
      <QueryView query={payment.config} what="the payment options">
        {() => payment.field(retry.errors.paymentMethodToken)}
      </QueryView>
      <FormMessage
        error={retry.formError ?? (cancel.error ? errorMessage(cancel.error) : null)}
        success={cancel.data?.message ?? (retry.mutation.isSuccess ? 'Trying the new card…' : null)}
      />
      <div className="actions">
        <SubmitButton pending={retry.pending} disabled={!payment.ready} pendingText="Sending…">
          Pay with this card
        </SubmitButton>
        <button type="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          Cancel checkout
        </button>
      </div>
    </form>
  )
}
