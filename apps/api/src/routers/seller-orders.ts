import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  findSellerFulfillment,
  listSellerFulfillments,
  packFulfillment,
  recordTrackingEvent,
  shipFulfillment,
  type Db,
  type PiiKeyRing,
} from '@emporium/db'
import {
  AddTrackingEventInput,
  FulfillmentStatusSchema,
  SellerFulfillmentView,
  ShipOrderInput,
} from '@emporium/domain/fulfillment'
import { OrderStatusSchema } from '@emporium/domain'
import { toSellerFulfillmentView } from '../order-tracking/order-views'
import { createdAtPage, decodeCursor } from '../pagination/created-at-cursor'
import { router, sellerProcedure } from '../trpc'

// Same words for "does not exist" and "another store's": a seller learns nothing about other stores.
const notFound = (what: 'order' | 'shipment') =>
  new TRPCError({ code: 'NOT_FOUND', message: `No such ${what}.` })

const FulfillmentId = z.object({ fulfillmentId: z.uuid('No such order') })

// Carrier clocks drift a little; an update from further in the future is a mistake.
const MAX_CLOCK_SKEW_MS = 5 * 60_000

async function loadView(db: Db, pii: PiiKeyRing, sellerId: string, fulfillmentId: string) {
  const row = await findSellerFulfillment(db, pii, sellerId, fulfillmentId)
  if (!row) throw notFound('order')
  return toSellerFulfillmentView(row)
}

/** The orders a seller fulfils: only their own lines of each order, never the rest of the basket. */
export const sellerOrdersRouter = router({
  /** The seller's fulfillments (optionally one status), newest first, a page at a time. */
  listOrders: sellerProcedure
    .input(
      z.object({
        status: FulfillmentStatusSchema.optional(),
        cursor: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(100).default(20),
      }),
    )
    .output(z.object({ items: z.array(SellerFulfillmentView), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const rows = await listSellerFulfillments(ctx.db, ctx.pii, ctx.seller.id, {
        status: input.status,
        after: input.cursor ? decodeCursor(input.cursor) : undefined,
        limit: input.limit + 1,
      })
      return createdAtPage(rows, input.limit, toSellerFulfillmentView)
    }),

  /** One of the seller's fulfillments with its lines and parcels. */
  getOrder: sellerProcedure
    .input(FulfillmentId)
    .output(SellerFulfillmentView)
    .query(({ ctx, input }) => loadView(ctx.db, ctx.pii, ctx.seller.id, input.fulfillmentId)),

  /** Marks the seller's part of an order packed; the order shows as being prepared. */
  packOrder: sellerProcedure
    .input(FulfillmentId)
    .output(SellerFulfillmentView)
    .mutation(async ({ ctx, input }) => {
      const result = await packFulfillment(
        ctx.db,
        { sellerId: ctx.seller.id, fulfillmentId: input.fulfillmentId },
        new Date(),
      )
      if (!result.ok) {
        if (result.reason === 'not_found') throw notFound('order')
        throw new TRPCError({ code: 'CONFLICT', message: result.message })
      }
      return loadView(ctx.db, ctx.pii, ctx.seller.id, input.fulfillmentId)
    }),

  /**
   * Sends the seller's part of an order with a carrier and tracking number. The order becomes
   * fulfilling while other stores still have to ship, shipped when all have.
   */
  shipOrder: sellerProcedure
    .input(ShipOrderInput)
    .output(SellerFulfillmentView.extend({ shipmentId: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const result = await shipFulfillment(
        ctx.db,
        { sellerId: ctx.seller.id, ...input },
        new Date(),
      )
      if (!result.ok) {
        if (result.reason === 'not_found') throw notFound('order')
        throw new TRPCError({
          code: 'CONFLICT',
          message:
            result.reason === 'refused'
              ? result.message
              : `Tracking number ${input.trackingNumber} is already used for another ${input.carrier} parcel.`,
        })
      }
      const view = await loadView(ctx.db, ctx.pii, ctx.seller.id, input.fulfillmentId)
      return { ...view, shipmentId: result.shipmentId }
    }),

  /**
   * Appends a carrier update to one of the seller's parcels; the same update sent twice is kept
   * once. "delivered" completes the fulfillment, and the order once every store's parcel arrived.
   */
  addTrackingEvent: sellerProcedure
    .input(AddTrackingEventInput)
    .output(
      z.object({
        recorded: z.boolean(),
        fulfillmentStatus: FulfillmentStatusSchema,
        orderStatus: OrderStatusSchema,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const now = new Date()
      const occurredAt = new Date(input.occurredAt)
      if (occurredAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'A tracking update cannot be in the future.',
        })
      const result = await recordTrackingEvent(
        ctx.db,
        {
          sellerId: ctx.seller.id,
          shipmentId: input.shipmentId,
          status: input.status,
          description: input.description ?? null,
          location: input.location ?? null,
          occurredAt,
        },
        now,
      )
      if (!result.ok) throw notFound('shipment')
      const { recorded, fulfillmentStatus, orderStatus } = result
      return { recorded, fulfillmentStatus, orderStatus }
    }),
})
