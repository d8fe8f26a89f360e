import { findNotificationOptOuts, setNotificationOptOut } from '@emporium/db'
import {
  canOptOut,
  NOTIFICATION_KINDS,
  NotificationChannelSchema,
  NotificationPreferenceSchema,
  preferenceViews,
  SetNotificationPreferenceInput,
} from '@emporium/domain'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import { unsubscribeWithToken } from '../notifications/signed-links'
import { authedProcedure, publicProcedure, router } from '../trpc'

/** Mail settings of the signed-in user, and the unsubscribe links in mails. */
export const notificationsRouter = router({
  /** Every kind of notification on a channel (email by default), on or off, and whether it can be turned off. */
  getPreferences: authedProcedure
    .input(z.object({ channel: NotificationChannelSchema.default('email') }).optional())
    .output(z.array(NotificationPreferenceSchema))
    .query(async ({ ctx, input }) =>
      preferenceViews(
        input?.channel ?? 'email',
        await findNotificationOptOuts(ctx.db, ctx.session.userId),
      ),
    ),

  /** Turns one kind of notification on or off; order mails cannot be turned off. */
  setPreference: authedProcedure
    .input(SetNotificationPreferenceInput)
    .output(z.array(NotificationPreferenceSchema))
    .mutation(async ({ ctx, input }) => {
      if (!canOptOut(input.kind) && !input.enabled) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `${NOTIFICATION_KINDS[input.kind].label} are part of your orders and are always sent.`,
        })
      }
      await setNotificationOptOut(ctx.db, {
        userId: ctx.session.userId,
        channel: input.channel,
        kind: input.kind,
        optedOut: !input.enabled,
      })
      return preferenceViews(
        input.channel,
        await findNotificationOptOuts(ctx.db, ctx.session.userId),
      )
    }),

  /** The unsubscribe link of a mail, for a web page that shows the result; no sign-in needed. */
  unsubscribe: publicProcedure
    .input(z.object({ token: z.string().min(1).max(2_000) }))
    .output(z.object({ unsubscribedFrom: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const label = await unsubscribeWithToken(ctx, input.token)
      if (label === null) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'This unsubscribe link is invalid or has expired.',
        })
      }
      return { unsubscribedFrom: label }
    }),
})
