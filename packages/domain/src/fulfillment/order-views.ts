import { z } from 'zod'
import { MoneySchema } from '../money'
import { OrderStatusSchema } from '../orders/order-status'
import { FulfillmentStatusSchema, TrackingStatusSchema } from './fulfillment-status'

/** Where an order goes, as stored on the order when it was placed. */
export const ShippingAddressView = z.object({
  fullName: z.string().nullable(),
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  city: z.string().nullable(),
  region: z.string().nullable(),
  postalCode: z.string().nullable(),
  country: z.string().nullable(),
  phone: z.string().nullable(),
})
export type ShippingAddressView = z.infer<typeof ShippingAddressView>

const FIELDS = ['fullName', 'line1', 'line2', 'city', 'region', 'postalCode', 'country', 'phone']

/** Reads the known fields of a stored address; anything else in it is left out. */
export function toShippingAddress(stored: Record<string, unknown>): ShippingAddressView {
  const pick = (key: string) => {
    const value = stored[key]
    return typeof value === 'string' && value !== '' ? value : null
  }
  return Object.fromEntries(FIELDS.map((key) => [key, pick(key)])) as ShippingAddressView
}

/** One order line as it was bought. */
export const OrderLineView = z.object({
  id: z.number().int(),
  productId: z.string().nullable(),
  productName: z.string(),
  sku: z.string(),
  unitPrice: MoneySchema,
  quantity: z.number().int(),
  refundedQuantity: z.number().int(),
  discount: MoneySchema,
  tax: MoneySchema,
  /** unit price × quantity − discount + tax. */
  lineTotal: MoneySchema,
})
export type OrderLineView = z.infer<typeof OrderLineView>

/** One carrier update on a parcel. */
export const TrackingEventView = z.object({
  id: z.number().int(),
  status: TrackingStatusSchema,
  description: z.string().nullable(),
  location: z.string().nullable(),
  occurredAt: z.iso.datetime(),
})
export type TrackingEventView = z.infer<typeof TrackingEventView>

/** One parcel sent by a seller, with its carrier updates oldest first. */
export const ShipmentView = z.object({
  id: z.string(),
  carrier: z.string(),
  trackingNumber: z.string(),
  shippedAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
  events: z.array(TrackingEventView),
})
export type ShipmentView = z.infer<typeof ShipmentView>

/** A seller's part of an order: only that store's lines, never the rest of the basket. */
export const SellerFulfillmentView = z.object({
  fulfillmentId: z.string(),
  status: FulfillmentStatusSchema,
  orderId: z.string(),
  orderNumber: z.number().int(),
  orderStatus: OrderStatusSchema,
  placedAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  shipTo: ShippingAddressView,
  lines: z.array(OrderLineView),
  /** What the seller's own lines add up to (after discounts, with tax). */
  total: MoneySchema,
  shipments: z.array(ShipmentView),
})
export type SellerFulfillmentView = z.infer<typeof SellerFulfillmentView>

/** One order in a shopper's history list. */
export const OrderSummaryView = z.object({
  id: z.string(),
  number: z.number().int(),
  status: OrderStatusSchema,
  placedAt: z.iso.datetime(),
  total: MoneySchema,
  itemCount: z.number().int(),
  /** Up to three product names, for a one-line preview. */
  previewNames: z.array(z.string()),
})
export type OrderSummaryView = z.infer<typeof OrderSummaryView>

/** One entry of an order's tracking timeline, oldest first. */
export const TimelineEntryView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('status'),
    at: z.iso.datetime(),
    from: OrderStatusSchema.nullable(),
    to: OrderStatusSchema,
    title: z.string(),
    note: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('shipment'),
    at: z.iso.datetime(),
    shipmentId: z.string(),
    storeName: z.string(),
    carrier: z.string(),
    trackingNumber: z.string(),
    title: z.string(),
  }),
  z.object({
    kind: z.literal('tracking'),
    at: z.iso.datetime(),
    shipmentId: z.string(),
    carrier: z.string(),
    trackingNumber: z.string(),
    status: TrackingStatusSchema,
    description: z.string().nullable(),
    location: z.string().nullable(),
    title: z.string(),
  }),
])
export type TimelineEntryView = z.infer<typeof TimelineEntryView>

/** The payment of an order as the shopper sees it. */
export const OrderPaymentView = z.object({
  status: z.string(),
  amount: MoneySchema,
  captured: MoneySchema,
  refunded: MoneySchema,
})

/**
 * A fraud review of an order, as its shopper sees it (never the score or the rules that fired):
 * `held` until an administrator decides, the review times out, or the shopper cancels.
 */
export const OrderReviewView = z.object({
  status: z.enum(['held', 'approved', 'rejected', 'expired', 'cancelled']),
  heldAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
})
export type OrderReviewView = z.infer<typeof OrderReviewView>

/** One order in full, for its owner. */
export const OrderDetailView = z.object({
  id: z.string(),
  number: z.number().int(),
  status: OrderStatusSchema,
  placedAt: z.iso.datetime(),
  paidAt: z.iso.datetime().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  cancelReason: z.string().nullable(),
  /** The order's fraud review when it was held for one, else null. */
  review: OrderReviewView.nullable(),
  /**
   * While the order waits for its payment, the checkout to follow (`orders.progress`) and to pay
   * with another payment method after a decline; null once it is paid or cancelled.
   */
  checkoutId: z.string().nullable(),
  totals: z.object({
    subtotal: MoneySchema,
    discount: MoneySchema,
    tax: MoneySchema,
    shipping: MoneySchema,
    total: MoneySchema,
  }),
  shippingAddress: ShippingAddressView,
  items: z.array(OrderLineView.extend({ storeName: z.string() })),
  /** The latest payment attempt, or null before one was made. */
  payment: OrderPaymentView.nullable(),
  fulfillments: z.array(
    z.object({
      id: z.string(),
      storeName: z.string(),
      status: FulfillmentStatusSchema,
      shipments: z.array(ShipmentView),
    }),
  ),
  timeline: z.array(TimelineEntryView),
})
export type OrderDetailView = z.infer<typeof OrderDetailView>
