import { mergeGuestCartIntoUserCart } from '../cart'
import type { Context } from '../context'
import { setSessionCookie } from './cookies'
import { DEFAULT_SESSION_OPTIONS } from './session-store'

/** Starts a session for the user (rotating away any session this client already had) and hands out the token. */
export async function startSession(ctx: Context, userId: string, client: 'web' | 'mobile') {
  if (ctx.session) await ctx.sessions.revoke(ctx.session.userId, ctx.session.sessionId)
  const { token, session } = await ctx.sessions.create(userId, {
    userAgent: ctx.req?.headers['user-agent'] ?? null,
    ip: ctx.ip,
  })
  setSessionCookie(
    ctx.res,
    token,
    Math.floor(DEFAULT_SESSION_OPTIONS.absoluteTtlMs / 1000),
    ctx.config.COOKIE_SECURE,
  )
  await mergeGuestCartIntoUserCart(ctx, userId)
  return {
    // Mobile clients keep the token and send it as a bearer token; the web only gets the httpOnly cookie.
    token: client === 'mobile' ? token : null,
    expiresAt: new Date(session.expiresAt).toISOString(),
  }
}
