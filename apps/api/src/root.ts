import { authRouter } from './routers/auth'
import { healthRouter } from './routers/health'
import { router } from './trpc'

/** The whole API: one router per bounded context. */
export const appRouter = router({
  auth: authRouter,
  health: healthRouter,
})

export type AppRouter = typeof appRouter
