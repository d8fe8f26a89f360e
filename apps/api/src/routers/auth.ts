import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  findUserByEmail,
  findUserById,
  insertUser,
  markEmailVerified,
  updatePasswordHash,
} from '@emporium/db'
import {
  EmailSchema,
  LoginInput,
  NewPasswordSchema,
  PasswordInputSchema,
  RegisterInput,
} from '@emporium/domain/accounts'
import { accountMails, sendAccountMail } from '../accounts/account-mails'
import { clearSessionCookie } from '../accounts/cookies'
import { authenticate } from '../accounts/login'
import { consumeOneTimeToken, issueOneTimeToken } from '../accounts/one-time-tokens'
import { hashPassword, verifyPassword } from '../accounts/password'
import { startSession } from '../accounts/start-session'
import type { Context } from '../context'
import { consumeOrThrow } from '../protection/rate-limits'
import { authedProcedure, publicProcedure, router } from '../trpc'

const TokenInput = z.object({
  token: z.string().min(1, 'The link is missing its token').max(200, 'The link is malformed'),
})

const MeOutput = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(['customer', 'seller', 'admin']),
  emailVerified: z.boolean(),
  seller: z
    .object({
      id: z.string(),
      slug: z.string(),
      status: z.enum(['pending', 'approved', 'suspended']),
    })
    .nullable(),
})

const SessionOutput = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
})

const link = (ctx: Context, path: string, token: string) =>
  `${ctx.config.WEB_ORIGIN}${path}?token=${encodeURIComponent(token)}`

export const authRouter = router({
  /** Creates an account and mails a verification link. Same answer whether or not the email is taken. */
  register: publicProcedure
    .input(RegisterInput)
    .output(z.object({ status: z.literal('check-your-inbox') }))
    .mutation(async ({ ctx, input }) => {
      await consumeOrThrow(ctx.rateLimiters.registerPerIp, ctx.ip, 'sign-ups from your network')
      const passwordHash = await hashPassword(input.password)
      const user = await insertUser(ctx.db, {
        email: input.email,
        passwordHash,
        displayName: input.displayName ?? null,
      })
      if (user) {
        const token = await issueOneTimeToken(ctx.redis, 'verify-email', user.id)
        await sendAccountMail(
          ctx.mailer,
          ctx.config,
          user.email,
          accountMails.verifyEmail(link(ctx, '/verify-email', token)),
        )
      } else {
        const existing = await findUserByEmail(ctx.db, input.email)
        if (existing) {
          const token = await issueOneTimeToken(ctx.redis, 'reset-password', existing.id)
          await sendAccountMail(
            ctx.mailer,
            ctx.config,
            existing.email,
            accountMails.alreadyRegistered(link(ctx, '/reset-password', token)),
          )
        }
      }
      return { status: 'check-your-inbox' as const }
    }),

  /** Signs in with email and password; sets the session cookie (web) or returns a bearer token (mobile). */
  login: publicProcedure
    .input(LoginInput.extend({ client: z.enum(['web', 'mobile']).default('web') }))
    .output(z.object({ token: z.string().nullable(), expiresAt: z.iso.datetime() }))
    .mutation(async ({ ctx, input }) => {
      const user = await authenticate(ctx, input)
      return startSession(ctx, user.id, input.client)
    }),

  /** Ends this session. */
  logout: authedProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await ctx.sessions.revoke(ctx.session.userId, ctx.session.sessionId)
    clearSessionCookie(ctx.res, ctx.config.COOKIE_SECURE)
    return { ok: true as const }
  }),

  /** Ends every session of this user on every device, this one included. */
  logoutEverywhere: authedProcedure
    .output(z.object({ ended: z.number().int() }))
    .mutation(async ({ ctx }) => {
      const ended = await ctx.sessions.revokeAll(ctx.session.userId)
      clearSessionCookie(ctx.res, ctx.config.COOKIE_SECURE)
      return { ended }
    }),

  /** The signed-in user, or null. */
  me: publicProcedure.output(MeOutput.nullable()).query(async ({ ctx }) => {
    if (!ctx.session) return null
    const user = await findUserById(ctx.db, ctx.session.userId)
    if (!user) return null
    return {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      role: user.role,
      emailVerified: user.email_verified_at !== null,
      seller: ctx.session.seller,
    }
  }),

  /** This user's active sessions, to review and revoke one by one. */
  listSessions: authedProcedure.output(z.array(SessionOutput)).query(async ({ ctx }) => {
    const sessions = await ctx.sessions.list(ctx.session.userId)
    return sessions.map((s) => ({
      id: s.id,
      current: s.id === ctx.session.sessionId,
      createdAt: new Date(s.createdAt).toISOString(),
      lastSeenAt: new Date(s.lastSeenAt).toISOString(),
      userAgent: s.userAgent,
      ip: s.ip,
    }))
  }),

  /** Ends one of this user's sessions (never another user's: the id is looked up under the caller). */
  revokeSession: authedProcedure
    .input(z.object({ sessionId: z.string().min(1).max(64) }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const revoked = await ctx.sessions.revoke(ctx.session.userId, input.sessionId)
      if (!revoked)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: 'No such session (it may have ended already).',
        })
      if (input.sessionId === ctx.session.sessionId)
        clearSessionCookie(ctx.res, ctx.config.COOKIE_SECURE)
      return { ok: true as const }
    }),

  /** Mails a fresh verification link to the signed-in user. */
  requestEmailVerification: authedProcedure
    .output(z.object({ status: z.enum(['sent', 'already-verified']) }))
    .mutation(async ({ ctx }) => {
      if (ctx.session.emailVerified) return { status: 'already-verified' as const }
      await consumeOrThrow(
        ctx.rateLimiters.resetPerAccount,
        `verify:${ctx.session.userId}`,
        'verification mails',
      )
      const token = await issueOneTimeToken(ctx.redis, 'verify-email', ctx.session.userId)
      await sendAccountMail(
        ctx.mailer,
        ctx.config,
        ctx.session.email,
        accountMails.verifyEmail(link(ctx, '/verify-email', token)),
      )
      return { status: 'sent' as const }
    }),

  /** Confirms an email address from the mailed link (single use, expires in 24 h). */
  verifyEmail: publicProcedure
    .input(TokenInput)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const userId = await consumeOneTimeToken(ctx.redis, 'verify-email', input.token)
      if (!userId)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'This verification link is invalid, expired or already used.',
        })
      await markEmailVerified(ctx.db, userId, new Date())
      return { ok: true as const }
    }),

  /** Mails a password-reset link. Same answer whether or not the email has an account. */
  requestPasswordReset: publicProcedure
    .input(z.object({ email: EmailSchema }))
    .output(z.object({ status: z.literal('check-your-inbox') }))
    .mutation(async ({ ctx, input }) => {
      await consumeOrThrow(ctx.rateLimiters.resetPerIp, ctx.ip, 'password resets from your network')
      await consumeOrThrow(
        ctx.rateLimiters.resetPerAccount,
        input.email,
        'password resets for this account',
      )
      const user = await findUserByEmail(ctx.db, input.email)
      if (user) {
        const token = await issueOneTimeToken(ctx.redis, 'reset-password', user.id)
        await sendAccountMail(
          ctx.mailer,
          ctx.config,
          user.email,
          accountMails.resetPassword(link(ctx, '/reset-password', token)),
        )
      }
      return { status: 'check-your-inbox' as const }
    }),

  /** Sets a new password from the mailed link (single use, 1 h); ends every session of the account. */
  resetPassword: publicProcedure
    .input(TokenInput.extend({ newPassword: NewPasswordSchema }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const userId = await consumeOneTimeToken(ctx.redis, 'reset-password', input.token)
      if (!userId)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'This reset link is invalid, expired or already used.',
        })
      await updatePasswordHash(ctx.db, userId, await hashPassword(input.newPassword))
      // Whoever held the account is out; proving mailbox ownership also verifies the email.
      await markEmailVerified(ctx.db, userId, new Date())
      await ctx.sessions.revokeAll(userId)
      return { ok: true as const }
    }),

  /** Changes the password; every other session ends and this one gets a new token. */
  changePassword: authedProcedure
    .input(z.object({ currentPassword: PasswordInputSchema, newPassword: NewPasswordSchema }))
    .output(z.object({ ok: z.literal(true), token: z.string().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const user = await findUserById(ctx.db, ctx.session.userId)
      if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'Your current password is incorrect.' })
      }
      await updatePasswordHash(ctx.db, user.id, await hashPassword(input.newPassword))
      await ctx.sessions.revokeAll(user.id, ctx.session.sessionId)
      const { token } = await startSession(
        ctx,
        user.id,
        ctx.session.via === 'bearer' ? 'mobile' : 'web',
      )
      return { ok: true as const, token }
    }),
})
