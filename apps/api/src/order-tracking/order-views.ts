import type {
  CustomerOrderDetail,
  CustomerOrderRow,
  OrderItem,
  SellerFulfillmentRow,
  ShipmentWithEvents,
} from '@emporium/db'
import {
  buildTimeline,
  toShippingAddress,
  TrackingStatusSchema,
  type OrderDetailView,
  type OrderLineView,
  type OrderSummaryView,
  type SellerFulfillmentView,
  type ShipmentView,
} from '@emporium/domain/fulfillment'
import { parseCurrency } from '@emporium/domain'

const money = (amount: number, currency: string) => ({ amount, currency: parseCurrency(currency) })
const iso = (d: Date | null) => (d === null ? null : d.toISOString())

// Tracking statuses are written only through the validated procedure; anything else is a bug.
const trackingStatus = (status: string) => TrackingStatusSchema.parse(status)

/** An order line as bought, in the order's currency. */
export function toLineView(item: OrderItem, currency: string): OrderLineView {
  const gross = item.unit_price_minor * item.quantity
  return {
    id: item.id,
    productId: item.product_id,
    productName: item.product_name,
    sku: item.sku,
    unitPrice: money(item.unit_price_minor, currency),
    quantity: item.quantity,
    refundedQuantity: item.refunded_quantity,
    discount: money(item.discount_minor, currency),
    tax: money(item.tax_minor, currency),
    lineTotal: money(gross - item.discount_minor + item.tax_minor, currency),
  }
}

/** A parcel with its carrier updates. */
export function toShipmentView(s: ShipmentWithEvents): ShipmentView {
  return {
    id: s.id,
    carrier: s.carrier,
    trackingNumber: s.tracking_number,
    shippedAt: s.shipped_at.toISOString(),
    deliveredAt: iso(s.delivered_at),
    events: s.events.map((e) => ({
      id: e.id,
      status: trackingStatus(e.status),
      description: e.description,
      location: e.location,
      occurredAt: e.occurred_at.toISOString(),
    })),
  }
}

/** A seller's fulfillment with only their own lines. */
export function toSellerFulfillmentView(row: SellerFulfillmentRow): SellerFulfillmentView {
  const lines = row.lines.map((l) => toLineView(l, row.currency))
  return {
    fulfillmentId: row.id,
    status: row.status,
    orderId: row.order_id,
    orderNumber: row.order_number,
    orderStatus: row.order_status,
    placedAt: row.placed_at.toISOString(),
    paidAt: iso(row.paid_at),
    createdAt: row.created_at.toISOString(),
    shipTo: toShippingAddress(row.shipping_address),
    lines,
    total: money(
      lines.reduce((sum, l) => sum + l.lineTotal.amount, 0),
      row.currency,
    ),
    shipments: row.shipments.map(toShipmentView),
  }
}

/** One row of a shopper's order list. */
export function toOrderSummaryView(row: CustomerOrderRow): OrderSummaryView {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    placedAt: row.placed_at.toISOString(),
    total: money(row.total_minor, row.currency),
    itemCount: row.item_count,
    previewNames: row.preview_names,
  }
}

/** One order in full for its owner, with the merged tracking timeline. */
export function toOrderDetailView(detail: CustomerOrderDetail): OrderDetailView {
  const { order, payment } = detail
  const c = order.currency
  const shipments = detail.fulfillments.flatMap((f) =>
    f.shipments.map((s) => ({ ...s, storeName: f.store_name })),
  )
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    placedAt: order.placed_at.toISOString(),
    paidAt: iso(order.paid_at),
    cancelledAt: iso(order.cancelled_at),
    cancelReason: order.cancel_reason,
    review: detail.review && {
      status: detail.review.status === 'pending' ? 'held' : detail.review.status,
      heldAt: detail.review.created_at.toISOString(),
      decidedAt: iso(detail.review.decided_at),
    },
    checkoutId: order.status === 'pending' ? order.checkout_workflow_id : null,
    totals: {
      subtotal: money(order.subtotal_minor, c),
      discount: money(order.discount_minor, c),
      tax: money(order.tax_minor, c),
      shipping: money(order.shipping_minor, c),
      total: money(order.total_minor, c),
    },
    shippingAddress: toShippingAddress(order.shipping_address),
    items: detail.items.map((i) => ({ ...toLineView(i, c), storeName: i.store_name })),
    payment: payment && {
      status: payment.status,
      amount: money(payment.amount_minor, payment.currency),
      captured: money(payment.captured_minor, payment.currency),
      refunded: money(payment.refunds_minor, payment.currency),
    },
    fulfillments: detail.fulfillments.map((f) => ({
      id: f.id,
      storeName: f.store_name,
      status: f.status,
      shipments: f.shipments.map(toShipmentView),
    })),
    timeline: buildTimeline({
      history: detail.history.map((h) => ({
        id: h.id,
        from: h.from_status,
        to: h.to_status,
        note: h.note,
        at: h.created_at,
      })),
      shipments: shipments.map((s) => ({
        id: s.id,
        storeName: s.storeName,
        carrier: s.carrier,
        trackingNumber: s.tracking_number,
        shippedAt: s.shipped_at,
      })),
      events: shipments.flatMap((s) =>
        s.events.map((e) => ({
          id: e.id,
          shipmentId: s.id,
          status: trackingStatus(e.status),
          description: e.description,
          location: e.location,
          occurredAt: e.occurred_at,
        })),
      ),
    }),
  }
}
