import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { findCustomerOrder, listCustomerOrders } from '@emporium/db'
import { OrderStatusSchema } from '@emporium/domain'
import { OrderDetailView, OrderSummaryView } from '@emporium/domain/fulfillment'
import { toOrderDetailView, toOrderSummaryView } from '../order-tracking/order-views'
import { createdAtPage, decodeCursor } from '../pagination/created-at-cursor'
import { authedProcedure, router } from '../trpc'

/** A shopper's own orders; anyone else's order does not exist for them. */
export const orderHistoryRouter = router({
  /** The caller's orders (optionally one status), newest first, a page at a time. */
  list: authedProcedure
    .input(
      z.object({
        status: OrderStatusSchema.optional(),
        cursor: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(50).default(10),
      }),
    )
    .output(z.object({ items: z.array(OrderSummaryView), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const rows = await listCustomerOrders(ctx.db, ctx.session.userId, {
        status: input.status,
        after: input.cursor ? decodeCursor(input.cursor) : undefined,
        limit: input.limit + 1,
      })
      return createdAtPage(rows, input.limit, toOrderSummaryView)
    }),

  /** One of the caller's orders as bought, with payment, parcels and its tracking timeline. */
  get: authedProcedure
    .input(z.object({ orderId: z.uuid('No such order') }))
    .output(OrderDetailView)
    .query(async ({ ctx, input }) => {
      const detail = await findCustomerOrder(ctx.db, ctx.pii, ctx.session.userId, input.orderId)
      if (!detail) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such order.' })
      return toOrderDetailView(detail)
    }),
})
