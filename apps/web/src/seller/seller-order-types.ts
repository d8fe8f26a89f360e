import type { trpc } from '../trpc'

/** One seller's part of an order, from `seller.getOrder` / `seller.listOrders`. */
export type SellerOrder = Awaited<ReturnType<typeof trpc.seller.getOrder.query>>

/** A fulfillment status the orders list can be narrowed to. */
export type FulfillmentStatus = SellerOrder['status']

/** One refund of an order, from `refunds.sellerListRefunds`. */
export type SellerRefund = Awaited<
  ReturnType<typeof trpc.refunds.sellerListRefunds.query>
>['items'][number]

/** Fulfillment statuses in words, as the seller reads them. */
export const FULFILLMENT_STATUS_TEXT: Record<FulfillmentStatus, string> = {
  pending: 'To pack and ship',
  packed: 'Packed, to ship',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
}

/** The query key of one seller order (shared by the page and the forms that change it). */
export const sellerOrderKey = (fulfillmentId: string) => ['seller', 'orders', 'get', fulfillmentId]
