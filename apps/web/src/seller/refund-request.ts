import {
  CreateRefundInputSchema,
  isCurrencyCode,
  isDomainError,
  parseDecimal,
  type CreateRefundInput,
} from '@emporium/domain'
import { validate, type FieldErrors } from '../forms/field-errors'

/** What the refund form holds: units per order line, or an amount typed in major units. */
export interface RefundFormValues {
  mode: 'items' | 'amount'
  /** Units to refund per order line id, as typed ('' = none). */
  quantities: { orderItemId: number; text: string }[]
  amountText: string
  restock: boolean
  reason: string
}

/**
 * Turns the refund form into `refunds.sellerCreateRefund` input, checked with the API's own schema;
 * problems come back per field (`items`, `amountMinor`, `reason`, '' for the form).
 */
export function refundRequest(
  values: RefundFormValues,
  order: { orderId: string; currency: string; idempotencyKey: string },
): { ok: true; data: CreateRefundInput } | { ok: false; errors: FieldErrors } {
  const base = {
    orderId: order.orderId,
    idempotencyKey: order.idempotencyKey,
    ...(values.reason.trim() === '' ? {} : { reason: values.reason }),
  }
  if (values.mode === 'amount') {
    if (!isCurrencyCode(order.currency))
      return { ok: false, errors: { amountMinor: [`${order.currency} is not a known currency.`] } }
    let amountMinor: number
    try {
      amountMinor = parseDecimal(values.amountText, order.currency).amount
    } catch (error) {
      if (!isDomainError(error)) throw error
      return { ok: false, errors: { amountMinor: ['Enter the amount as a number such as 12.50.'] } }
    }
    if (amountMinor === 0)
      return { ok: false, errors: { amountMinor: ['Enter an amount above zero.'] } }
    return validate(CreateRefundInputSchema, { ...base, amountMinor, restock: false })
  }
  const items = values.quantities
    .filter((q) => q.text.trim() !== '' && Number(q.text) !== 0)
    .map((q) => ({ orderItemId: q.orderItemId, quantity: Number(q.text) }))
  if (items.length === 0)
    return { ok: false, errors: { items: ['Choose how many units to refund.'] } }
  const checked = validate(CreateRefundInputSchema, { ...base, items, restock: values.restock })
  if (checked.ok || !checked.errors.items) return checked
  // The schema reports "items.0.quantity"; units are always whole and positive here.
  return {
    ok: false,
    errors: { ...checked.errors, items: ['Units must be whole numbers above zero.'] },
  }
}
