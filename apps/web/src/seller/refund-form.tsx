import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CreateRefundInput, RefundRequestResult } from '@emporium/domain'
import { useId, useRef, useState, type FormEvent } from 'react'
import { errorMessage, serverFieldErrors, type FieldErrors } from '../forms/field-errors'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { formText } from '../forms/form-text'
import { trpc } from '../trpc'
import { formatPrice } from '../ui/format-price'
import { refundRequest, type RefundFormValues } from './refund-request'
import { sellerOrderKey, type SellerOrder } from './seller-order-types'

function resultText(result: RefundRequestResult): string {
  if (result.status === 'succeeded' && result.amount)
    return `Refunded ${formatPrice(result.amount)}.`
  return result.message
}

/**
 * Refunds units of the store's lines (optionally back to stock) or an amount. The same request sent
 * again (a retry after a lost answer) carries the same idempotency key and refunds once; a changed
 * request, or any request after a refund went through, gets a new key (the API would otherwise
 * answer the new request with the outcome of the old one).
 */
export function RefundForm({ order }: { order: SellerOrder }) {
  const id = useId()
  const queryClient = useQueryClient()
  const [mode, setMode] = useState<RefundFormValues['mode']>('items')
  const lastRequest = useRef<{ body: string; key: string } | null>(null)
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const refund = useMutation({
    mutationFn: (input: CreateRefundInput) => trpc.refunds.sellerCreateRefund.mutate(input),
    onSuccess: async () => {
      lastRequest.current = null
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['seller', 'refunds', order.orderId] }),
        queryClient.invalidateQueries({ queryKey: sellerOrderKey(order.fulfillmentId) }),
      ])
    },
  })
  const refundable = order.lines.filter((l) => l.quantity > l.refundedQuantity)

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const checked = refundRequest(
      {
        mode,
        quantities: refundable.map((l) => ({
          orderItemId: l.id,
          text: formText(data, `units-${l.id}`),
        })),
        amountText: formText(data, 'amount'),
        restock: data.get('restock') === 'on',
        reason: formText(data, 'reason'),
      },
      { orderId: order.orderId, currency: order.total.currency, idempotencyKey: 'web-unsent' },
    )
    refund.reset()
    if (!checked.ok) return setClientErrors(checked.errors)
    setClientErrors({})
    const body = JSON.stringify({ ...checked.data, idempotencyKey: null })
    if (lastRequest.current?.body !== body)
      lastRequest.current = { body, key: `web-${crypto.randomUUID()}` }
    const form = event.currentTarget
    refund.mutate(
      { ...checked.data, idempotencyKey: lastRequest.current.key },
      { onSuccess: () => form.reset() },
    )
  }

  const errors =
    Object.keys(clientErrors).length > 0 ? clientErrors : serverFieldErrors(refund.error)
  const formProblem =
    errors['']?.join(' ') ??
    errors.items?.join(' ') ??
    (refund.error ? errorMessage(refund.error) : null)
  const result = refund.data
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Refund" className="stack">
      <h3>Refund</h3>
      <fieldset>
        <legend>Refund by</legend>
        <label className="check">
          <input
            type="radio"
            name="mode"
            value="items"
            checked={mode === 'items'}
            onChange={() => setMode('items')}
          />
          Items
        </label>
        <label className="check">
          <input
            type="radio"
            name="mode"
            value="amount"
            checked={mode === 'amount'}
            onChange={() => setMode('amount')}
          />
          Amount
        </label>
      </fieldset>
      {mode === 'items' ? (
        <>
          {refundable.length === 0 ? <p>Every item has been refunded.</p> : null}
          {refundable.map((l) => (
            <Field
              key={l.id}
              label={`Units of ${l.sku} to refund`}
              name={`units-${l.id}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={l.quantity - l.refundedQuantity}
              defaultValue="0"
              hint={`${l.productName}: up to ${l.quantity - l.refundedQuantity}`}
            />
          ))}
          <label className="checkbox" htmlFor={`${id}-restock`}>
            <input id={`${id}-restock`} type="checkbox" name="restock" />
            Put the refunded items back in stock
          </label>
        </>
      ) : (
        <Field
          label={`Amount (${order.total.currency})`}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          hint="Only when every item of the order is yours."
          errors={errors.amountMinor}
        />
      )}
      <Field label="Reason (optional)" name="reason" errors={errors.reason} />
      <FormMessage
        error={
          formProblem ?? (result?.status === 'failed' ? `Refund failed: ${result.message}` : null)
        }
        success={result ? resultText(result) : null}
      />
      <p>
        <SubmitButton pending={refund.isPending} pendingText="Refunding…">
          Refund
        </SubmitButton>
      </p>
    </form>
  )
}
