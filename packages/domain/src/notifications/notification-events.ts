import { z } from 'zod'

const MoneyPayload = z.object({ amount: z.number().int(), currency: z.string() })
const OrderRef = z.object({
  orderId: z.string(),
  orderNumber: z.number().int(),
  userId: z.string(),
})

/** Payloads of the outbox events people are notified about (the cross-team outbox contract). */
export const NOTIFICATION_EVENT_PAYLOADS = {
  'order.paid': OrderRef.extend({ total: MoneyPayload }),
  'order.payment_failed': OrderRef.extend({
    attempt: z.number().int(),
    maxAttempts: z.number().int(),
    /** The checkout gave up after this attempt; absent in events recorded before it existed. */
    final: z.boolean().optional(),
    message: z.string(),
  }),
  'order.shipped': OrderRef.extend({ carrier: z.string(), trackingNumber: z.string() }),
  'order.refunded': OrderRef.extend({ amount: MoneyPayload }),
  'order.cancelled': OrderRef.extend({ message: z.string() }),
  'review.replied': z.object({
    reviewId: z.string(),
    productId: z.string(),
    reviewerId: z.string(),
  }),
  'stock.low': z.object({
    sellerId: z.string(),
    sku: z.string(),
    warehouseCode: z.string(),
    available: z.number().int(),
    threshold: z.number().int(),
  }),
}

export type NotificationEventType = keyof typeof NOTIFICATION_EVENT_PAYLOADS
export type NotificationEventPayload<T extends NotificationEventType> = z.infer<
  (typeof NOTIFICATION_EVENT_PAYLOADS)[T]
>

/** Parses the payload of a notification event; throws (and the outbox retries) on a malformed one. */
export function parseNotificationEvent<T extends NotificationEventType>(
  type: T,
  payload: unknown,
): NotificationEventPayload<T> {
  return NOTIFICATION_EVENT_PAYLOADS[type].parse(payload) as NotificationEventPayload<T>
}
