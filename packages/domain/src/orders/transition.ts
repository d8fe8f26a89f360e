import { InvalidArgumentError, InvalidTransitionError } from '../errors'
import type { StatusHistoryEntry } from './order'
import {
  allowedTransitions,
  canTransition,
  describeStatus,
  isOrderStatus,
  type OrderStatus,
} from './order-status'

/** The status change made, or why it was refused. */
export type TransitionResult<T> =
  | {
      readonly ok: true
      readonly order: T
      readonly entry: StatusHistoryEntry
      /** True when the move cancels a paid order, so the payment must be refunded in full. */
      readonly refundRequired: boolean
    }
  | { readonly ok: false; readonly error: InvalidTransitionError }

function list(statuses: readonly OrderStatus[]): string {
  const words = statuses.map(describeStatus)
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`
}

/** The refusal for moving from `from` to `to`, worded for the person who asked. */
export function invalidTransition(from: OrderStatus, to: OrderStatus): InvalidTransitionError {
  const allowed = allowedTransitions(from)
  const message =
    allowed.length === 0
      ? `A ${describeStatus(from)} order cannot change status any more`
      : from === to
        ? `The order is already ${describeStatus(from)}`
        : `A ${describeStatus(from)} order cannot become ${describeStatus(to)}; it can become ${list(allowed)}`
  return new InvalidTransitionError(from, to, allowed, message)
}

/**
 * Moves `order` to `to` at `now`, returning a copy with the new status and the change appended
 * to its history; the input is never modified. A move the status machine forbids is refused
 * with an `InvalidTransitionError`.
 */
export function transition<
  T extends { readonly status: OrderStatus; readonly history: readonly StatusHistoryEntry[] },
>(order: T, to: OrderStatus, now: Date, reason?: string): TransitionResult<T> {
  if (!isOrderStatus(to))
    throw new InvalidArgumentError(`Unknown order status ${JSON.stringify(to)}`)
  if (Number.isNaN(now.getTime())) throw new InvalidArgumentError('`now` must be a valid date')
  const from = order.status
  if (!canTransition(from, to)) return { ok: false, error: invalidTransition(from, to) }
  const entry: StatusHistoryEntry = {
    from,
    to,
    at: now.toISOString(),
    ...(reason === undefined ? {} : { reason }),
  }
  return {
    ok: true,
    order: { ...order, status: to, history: [...order.history, entry] },
    entry,
    refundRequired: from === 'paid' && to === 'cancelled',
  }
}
