import {
  CreateRefundInputSchema,
  RefundRequestResultSchema,
  RefundViewSchema,
} from '@emporium/domain'
import { listOrderRefunds, type RefundView } from '@emporium/db'
import { z } from 'zod'
import { requestRefund } from '../refunds/request-refund'
import { adminProcedure, router, sellerProcedure } from '../trpc'

const OrderId = z.object({ orderId: z.uuid() })
const RefundList = z.object({ items: z.array(RefundViewSchema) })

const listView = (refunds: RefundView[]) => ({
  items: refunds.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
})

/** Refunds of orders: sellers refund their own items, admins any order; by amount or by items. */
export const refundsRouter = router({
  /** A seller refunds (part of) an order holding their items; by amount only when all items are theirs. */
  sellerCreateRefund: sellerProcedure
    .input(CreateRefundInputSchema)
    .output(RefundRequestResultSchema)
    .mutation(({ ctx, input }) =>
      requestRefund(ctx, input, {
        userId: ctx.session.userId,
        actor: `seller:${ctx.seller.id}`,
        sellerId: ctx.seller.id,
      }),
    ),

  /** Refunds of an order holding the seller's items (none for anyone else's order). */
  sellerListRefunds: sellerProcedure
    .input(OrderId)
    .output(RefundList)
    .query(async ({ ctx, input }) =>
      listView(await listOrderRefunds(ctx.db, input.orderId, ctx.seller.id)),
    ),

  /** An admin refunds any paid order. */
  adminCreateRefund: adminProcedure
    .input(CreateRefundInputSchema)
    .output(RefundRequestResultSchema)
    .mutation(({ ctx, input }) =>
      requestRefund(ctx, input, {
        userId: ctx.session.userId,
        actor: `admin:${ctx.session.userId}`,
      }),
    ),

  adminListRefunds: adminProcedure
    .input(OrderId)
    .output(RefundList)
    .query(async ({ ctx, input }) => listView(await listOrderRefunds(ctx.db, input.orderId))),
})
