import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { listStores, setStoreStatus, setUserRole } from '@emporium/db'
import { SELLER_STATUS_VALUES, StoreView, SuspensionReasonSchema } from '@emporium/domain/sellers'
import { adminProcedure, router } from '../trpc'
import { toStoreView } from './seller-store'
import { createdAtPage, decodeCursor } from '../pagination/created-at-cursor'
import { riskReviewsRouter } from './risk-reviews'

const StoreId = z.object({ sellerId: z.uuid('Unknown store') })
const noStore = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such store.' })

export const adminRouter = router({
  /** Stores, optionally by status, oldest first, a page at a time. */
  listSellers: adminProcedure
    .input(
      z.object({
        status: z.enum(SELLER_STATUS_VALUES).optional(),
        cursor: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(100).default(50),
      }),
    )
    .output(z.object({ items: z.array(StoreView), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const rows = await listStores(ctx.db, {
        status: input.status,
        after: input.cursor ? decodeCursor(input.cursor) : undefined,
        limit: input.limit + 1,
      })
      return createdAtPage(rows, input.limit, toStoreView)
    }),

  /** Approves a store: its owner can sell from their next request on. */
  approveSeller: adminProcedure
    .input(StoreId)
    .output(StoreView)
    .mutation(async ({ ctx, input }) => {
      const store = await setStoreStatus(ctx.db, input.sellerId, { status: 'approved' })
      if (!store) throw noStore()
      ctx.logger.info({ sellerId: store.id, by: ctx.session.userId }, 'store approved')
      return toStoreView(store)
    }),

  /** Suspends a store with a reason its owner sees; the owner can no longer sell. */
  suspendSeller: adminProcedure
    .input(StoreId.extend({ reason: SuspensionReasonSchema }))
    .output(StoreView)
    .mutation(async ({ ctx, input }) => {
      const store = await setStoreStatus(ctx.db, input.sellerId, {
        status: 'suspended',
        reason: input.reason,
      })
      if (!store) throw noStore()
      ctx.logger.warn(
        { sellerId: store.id, by: ctx.session.userId, reason: input.reason },
        'store suspended',
      )
      return toStoreView(store)
    }),

  /** Changes a user's role; all of that user's sessions end (a privilege change). */
  setUserRole: adminProcedure
    .input(
      z.object({ userId: z.uuid('Unknown user'), role: z.enum(['customer', 'seller', 'admin']) }),
    )
    .output(z.object({ sessionsEnded: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.session.userId) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'You cannot change your own role.' })
      }
      if (!(await setUserRole(ctx.db, input.userId, input.role))) {
        throw new TRPCError({ code: 'NOT_FOUND', message: 'No such user.' })
      }
      return { sessionsEnded: await ctx.sessions.revokeAll(input.userId) }
    }),

  /** Orders held by fraud screening, for an administrator to approve or reject. */
  riskReviews: riskReviewsRouter,
})
