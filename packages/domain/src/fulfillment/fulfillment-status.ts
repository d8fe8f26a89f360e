import { z } from 'zod'
import type { StatusHistoryEntry } from '../orders/order'
import { describeStatus, type OrderStatus } from '../orders/order-status'
import { transition } from '../orders/transition'

/** What one seller's part of an order goes through. */
export const FULFILLMENT_STATUSES = [
  'pending',
  'packed',
  'shipped',
  'delivered',
  'cancelled',
] as const
/** Zod schema for a fulfillment status. */
export const FulfillmentStatusSchema = z.enum(FULFILLMENT_STATUSES)
/** A fulfillment status (see `FULFILLMENT_STATUSES`). */
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number]

/** Carrier updates a seller can record on a shipment; `delivered` completes the fulfillment. */
export const TRACKING_STATUSES = [
  'label_created',
  'in_transit',
  'out_for_delivery',
  'delivered',
  'exception',
] as const
/** Zod schema for a tracking status. */
export const TrackingStatusSchema = z.enum(TRACKING_STATUSES)
/** A carrier tracking status (see `TRACKING_STATUSES`). */
export type TrackingStatus = (typeof TRACKING_STATUSES)[number]

/** Why a fulfillment cannot be packed or shipped, or null when it can. */
export type ShipRefusal = { readonly code: 'CONFLICT'; readonly message: string } | null

const refuse = (message: string) => ({ code: 'CONFLICT', message }) as const

// The order must be paid and still owed to the customer (paid, being fulfilled, partly refunded).
function orderRefusal(order: OrderStatus, verb: 'packed' | 'shipped'): ShipRefusal {
  if (order === 'pending')
    return refuse(`This order has not been paid yet, so it cannot be ${verb}.`)
  if (order === 'cancelled') return refuse(`This order was cancelled, so it cannot be ${verb}.`)
  if (order === 'refunded')
    return refuse(`This order was refunded in full, so it cannot be ${verb}.`)
  return null
}

/** Whether a seller may ship a fulfillment: a paid order owed to the customer, a parcel not sent yet. */
export function shipRefusal(order: OrderStatus, fulfillment: FulfillmentStatus): ShipRefusal {
  const refusal = orderRefusal(order, 'shipped')
  if (refusal) return refusal
  if (fulfillment === 'cancelled')
    return refuse('This fulfillment was cancelled, so it cannot be shipped.')
  if (fulfillment === 'shipped' || fulfillment === 'delivered')
    return refuse(`This fulfillment is already ${fulfillment}.`)
  return null
}

/** Whether a seller may mark a fulfillment packed: as for shipping, and only while it is pending. */
export function packRefusal(order: OrderStatus, fulfillment: FulfillmentStatus): ShipRefusal {
  const refusal = orderRefusal(order, 'packed')
  if (refusal) return refusal
  if (fulfillment === 'cancelled')
    return refuse('This fulfillment was cancelled, so it cannot be packed.')
  if (fulfillment !== 'pending') return refuse(`This fulfillment is already ${fulfillment}.`)
  return null
}

// The forward path an order walks while its parcels leave and arrive.
const PROGRESS: readonly OrderStatus[] = ['paid', 'fulfilling', 'shipped', 'delivered']

/**
 * The status the fulfillments of an order add up to: delivered when every live (not cancelled)
 * fulfillment is delivered, shipped when every one has at least shipped, fulfilling when some
 * have been packed or sent, otherwise paid. Null when there is no live fulfillment.
 */
export function progressOf(fulfillments: readonly FulfillmentStatus[]): OrderStatus | null {
  const live = fulfillments.filter((s) => s !== 'cancelled')
  if (live.length === 0) return null
  if (live.every((s) => s === 'delivered')) return 'delivered'
  if (live.every((s) => s === 'shipped' || s === 'delivered')) return 'shipped'
  if (live.some((s) => s !== 'pending')) return 'fulfilling'
  return 'paid'
}

/**
 * The status changes an order makes after its fulfillments changed, each one checked by the order
 * status machine (a paid order goes to fulfilling before shipped). An order outside the forward
 * path (refunded in part or in full, cancelled) keeps its status: its refund story wins.
 */
export function advanceOrder(
  current: OrderStatus,
  fulfillments: readonly FulfillmentStatus[],
  now: Date,
  reason?: string,
): StatusHistoryEntry[] {
  const target = progressOf(fulfillments)
  const from = PROGRESS.indexOf(current)
  const to = target === null ? -1 : PROGRESS.indexOf(target)
  if (from < 0 || to <= from) return []
  let order = { status: current, history: [] as StatusHistoryEntry[] }
  for (const next of PROGRESS.slice(from + 1, to + 1)) {
    const step = transition(order, next, now, reason)
    if (!step.ok) throw step.error
    order = step.order
  }
  return order.history
}

/** The order status as a shopper reads it in a timeline: "Order shipped". */
export function describeOrderStep(to: OrderStatus): string {
  const words: Partial<Record<OrderStatus, string>> = {
    pending: 'Order placed',
    paid: 'Payment received',
    fulfilling: 'Preparing your order',
    shipped: 'Order shipped',
    delivered: 'Order delivered',
    cancelled: 'Order cancelled',
    partially_refunded: 'Partly refunded',
    refunded: 'Refunded',
  }
  return words[to] ?? `Order ${describeStatus(to)}`
}
