import { z } from 'zod'
import { resolveAccount } from '../accounts/oidc/link-account'
import { listProviders } from '../accounts/oidc/providers'
import { beginSignIn, finishSignIn } from '../accounts/oidc/sign-in-flow'
import { startSession } from '../accounts/start-session'
import { publicProcedure, router } from '../trpc'

/** A path inside the web app (never another site: no scheme, no `//host`). */
const ReturnToSchema = z
  .string()
  .max(500, 'The page to return to is too long')
  .regex(/^\/(?![/\\])/, 'The page to return to must be a path inside the shop, like /orders')

export const oidcRouter = router({
  /** The "Sign in with …" providers configured for the sign-in page. */
  providers: publicProcedure
    .output(z.array(z.object({ id: z.string(), name: z.string() })))
    .query(({ ctx }) => listProviders(ctx.config)),

  /** Starts signing in with a provider; the web sends the browser to `authorizationUrl` (valid 10 minutes, once). */
  start: publicProcedure
    .input(z.object({ provider: z.string().min(1).max(32), returnTo: ReturnToSchema.default('/') }))
    .output(z.object({ authorizationUrl: z.url() }))
    .mutation(async ({ ctx, input }) => ({
      authorizationUrl: await beginSignIn(ctx, input.provider, input.returnTo),
    })),

  /** Finishes signing in from the callback page's query (code, state, iss); sets the session cookie like password login. */
  complete: publicProcedure
    .input(
      z.object({
        query: z
          .string()
          .min(1, 'The callback is missing its query')
          .max(4096, 'The callback query is too long'),
      }),
    )
    .output(
      z.object({
        outcome: z.enum(['signed-in', 'linked', 'created']),
        returnTo: z.string(),
        expiresAt: z.iso.datetime(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { profile, returnTo } = await finishSignIn(ctx, input.query)
      const account = await resolveAccount(ctx.db, profile, new Date())
      // Whoever registered the address without proving it is signed out along with their password.
      if (account.claimed) await ctx.sessions.revokeAll(account.userId)
      const { expiresAt } = await startSession(ctx, account.userId, 'web')
      return { outcome: account.outcome, returnTo, expiresAt }
    }),
})
