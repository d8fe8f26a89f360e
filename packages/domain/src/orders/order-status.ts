import { z } from 'zod'

/** Every status an order can be in, in lifecycle order. */
export const ORDER_STATUSES = [
  'pending',
  'paid',
  'fulfilling',
  'shipped',
  'delivered',
  'cancelled',
  'partially_refunded',
  'refunded',
] as const

/** Zod schema for an order status. */
export const OrderStatusSchema = z.enum(ORDER_STATUSES)

/** An order status (see `ORDER_STATUSES`). */
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/**
 * Where each status may go next. Cancelling a paid order means refunding it in full; any
 * captured order can be refunded in part or in full; `partially_refunded` may repeat, because
 * each further partial refund is recorded as its own step. `cancelled` and `refunded` are final.
 */
const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['paid', 'cancelled'],
  paid: ['fulfilling', 'cancelled', 'partially_refunded', 'refunded'],
  fulfilling: ['shipped', 'partially_refunded', 'refunded'],
  shipped: ['delivered', 'partially_refunded', 'refunded'],
  delivered: ['partially_refunded', 'refunded'],
  cancelled: [],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
}

/** True when `value` is a known order status. */
export function isOrderStatus(value: unknown): value is OrderStatus {
  return (ORDER_STATUSES as readonly unknown[]).includes(value)
}

/** The statuses an order in `from` may move to, in lifecycle order. */
export function allowedTransitions(from: OrderStatus): readonly OrderStatus[] {
  return isOrderStatus(from) ? NEXT[from] : []
}

/** True when an order in `from` may move to `to`. */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return allowedTransitions(from).includes(to)
}

/** True when no further status change is possible. */
export function isFinalStatus(status: OrderStatus): boolean {
  return allowedTransitions(status).length === 0
}

/** The status as people read it: `partially_refunded` → "partially refunded". */
export function describeStatus(status: OrderStatus): string {
  return status.replaceAll('_', ' ')
}
