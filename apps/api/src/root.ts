import { accountRouter } from './routers/account'
import { adminRouter } from './routers/admin'
import { authRouter } from './routers/auth'
import { catalogRouter } from './routers/catalog'
import { healthRouter } from './routers/health'
import { oidcRouter } from './routers/oidc'
import { sellerStoreRouter } from './routers/seller-store'
import { router } from './trpc'

/** The whole API: one router per bounded context. */
export const appRouter = router({
  account: accountRouter,
  admin: adminRouter,
  auth: authRouter,
  catalog: catalogRouter,
  health: healthRouter,
  oidc: oidcRouter,
  seller: sellerStoreRouter,
})

export type AppRouter = typeof appRouter
