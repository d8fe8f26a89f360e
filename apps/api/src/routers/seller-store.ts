import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  findStoreById,
  findStoreByUser,
  openStore,
  updateStoreProfile,
  type Seller,
} from '@emporium/db'
import { OpenStoreInput, StoreProfileInput, StoreView } from '@emporium/domain/sellers'
import { startSession } from '../accounts/start-session'
import { authedProcedure, router, sellerProcedure } from '../trpc'

/** A store as its owner and admins see it. */
export const toStoreView = (s: Seller): StoreView => ({
  id: s.id,
  storeName: s.store_name,
  slug: s.slug,
  contactEmail: s.contact_email,
  payoutCurrency: s.payout_currency,
  status: s.status,
  suspensionReason: s.suspension_reason,
  createdAt: s.created_at.toISOString(),
})

export const sellerStoreRouter = router({
  /**
   * Opens a store (pending until an admin approves it) and makes the caller a seller. That is a
   * privilege change, so the caller's session token is replaced.
   */
  openStore: authedProcedure
    .input(OpenStoreInput)
    .output(z.object({ store: StoreView, token: z.string().nullable() }))
    .mutation(async ({ ctx, input }) => {
      if (ctx.session.seller)
        throw new TRPCError({ code: 'CONFLICT', message: 'You already have a store.' })
      if (ctx.session.role === 'admin') {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: 'Administrators cannot open a store with their admin account.',
        })
      }
      const store = await openStore(ctx.db, ctx.session.userId, input).catch((error: unknown) => {
        // One store per user: the unique index on user_id decides when two requests race.
        if ((error as { constraint?: string }).constraint === 'sellers_user_id_key') {
          throw new TRPCError({
            code: 'CONFLICT',
            message: 'You already have a store.',
            cause: error,
          })
        }
        throw error
      })
      if (!store)
        throw new TRPCError({
          code: 'CONFLICT',
          message: 'That store address is taken. Choose another one.',
        })
      const { token } = await startSession(
        ctx,
        ctx.session.userId,
        ctx.session.via === 'bearer' ? 'mobile' : 'web',
      )
      return { store: toStoreView(store), token }
    }),

  /** The caller's own store (any status), so a pending or suspended seller can see where they stand. */
  getStore: authedProcedure.output(StoreView).query(async ({ ctx }) => {
    const store = await findStoreByUser(ctx.db, ctx.session.userId)
    if (!store) throw new TRPCError({ code: 'NOT_FOUND', message: 'You have no store yet.' })
    return toStoreView(store)
  }),

  /** Edits the caller's own store profile; the store is always the caller's, never taken from input. */
  updateStore: sellerProcedure
    .input(StoreProfileInput)
    .output(StoreView)
    .mutation(async ({ ctx, input }) => {
      const updated = await updateStoreProfile(ctx.db, ctx.seller.id, input)
      if (!updated)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'Your store no longer exists.' })
      return toStoreView(updated)
    }),

  /** The caller's store as the dashboard header shows it. */
  getDashboardStore: sellerProcedure.output(StoreView).query(async ({ ctx }) => {
    const store = await findStoreById(ctx.db, ctx.seller.id)
    if (!store) throw new TRPCError({ code: 'NOT_FOUND', message: 'Your store no longer exists.' })
    return toStoreView(store)
  }),
})
