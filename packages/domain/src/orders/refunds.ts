import { InvalidAmountError, InvalidArgumentError, RefundExceedsRemainingError } from '../errors'
import { assertSameCurrency, format, subtract, sum, type Money } from '../money'

/** Whether a refund may go ahead, and what it leaves. */
export type RefundCheck =
  | {
      readonly ok: true
      /** What can still be refunded after this refund. */
      readonly remainingAfter: Money
      /** The order status this refund leads to. */
      readonly status: 'partially_refunded' | 'refunded'
    }
  | { readonly ok: false; readonly error: RefundExceedsRemainingError | InvalidAmountError }

/**
 * What is left to refund of `captured` after `refunds`. Throws `CurrencyMismatchError` on mixed
 * currencies, `InvalidAmountError` on a refund of zero or less, and `InvalidArgumentError` when
 * the refunds already exceed the capture (records that should never exist).
 */
export function refundableRemaining(captured: Money, refunds: readonly Money[]): Money {
  for (const refund of refunds) {
    assertSameCurrency(captured, refund)
    if (refund.amount <= 0) {
      throw new InvalidAmountError(`A recorded refund must be above zero, got ${format(refund)}`)
    }
  }
  const refunded = sum(refunds, captured.currency)
  const remaining = subtract(captured, refunded)
  if (remaining.amount < 0) {
    throw new InvalidArgumentError(
      `Refunds of ${format(refunded)} exceed the ${format(captured)} captured`,
    )
  }
  return remaining
}

/**
 * Checks a `requested` refund against what is left of `captured` after `previousRefunds`:
 * refunds may add up to exactly the captured amount, and one minor unit more is refused.
 */
export function validateRefund(
  captured: Money,
  previousRefunds: readonly Money[],
  requested: Money,
): RefundCheck {
  const remaining = refundableRemaining(captured, previousRefunds)
  assertSameCurrency(captured, requested)
  if (requested.amount <= 0) {
    return {
      ok: false,
      error: new InvalidAmountError(`A refund must be above zero, got ${format(requested)}`),
    }
  }
  if (requested.amount > remaining.amount) {
    const message =
      remaining.amount === 0
        ? `Nothing is left to refund: the full ${format(captured)} has already been refunded`
        : `Cannot refund ${format(requested)}: only ${format(remaining)} of the ${format(captured)} captured is left to refund`
    return {
      ok: false,
      error: new RefundExceedsRemainingError(
        remaining.amount,
        requested.amount,
        captured.currency,
        message,
      ),
    }
  }
  const remainingAfter = subtract(remaining, requested)
  return {
    ok: true,
    remainingAfter,
    status: remainingAfter.amount === 0 ? 'refunded' : 'partially_refunded',
  }
}
