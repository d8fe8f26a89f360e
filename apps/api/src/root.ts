import { authRouter } from './routers/auth'
import { healthRouter } from './routers/health'
import { oidcRouter } from './routers/oidc'
import { router } from './trpc'

/** The whole API: one router per bounded context. */
export const appRouter = router({
  auth: authRouter,
  health: healthRouter,
  oidc: oidcRouter,
})

export type AppRouter = typeof appRouter
