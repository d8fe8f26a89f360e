import { accountRouter } from './routers/account'
import { adminRouter } from './routers/admin'
import { adminCatalogRouter } from './routers/admin-catalog'
import { authRouter } from './routers/auth'
import { cartRouter } from './routers/cart'
import { catalogRouter } from './routers/catalog'
import { healthRouter } from './routers/health'
import { notificationsRouter } from './routers/notifications'
import { oidcRouter } from './routers/oidc'
import { recommendationsRouter } from './routers/recommendations'
import { orderHistoryRouter } from './routers/order-history'
import { paymentsRouter } from './routers/payments'
import { ordersRouter } from './routers/orders'
import { reviewModerationRouter } from './routers/review-moderation'
import { refundsRouter } from './routers/refunds'
import { reviewsRouter } from './routers/reviews'
import { searchRouter } from './routers/search'
import { sellerFlashSalesRouter } from './routers/seller-flash-sales'
import { sellerImagesRouter } from './routers/seller-images'
import { sellerInventoryRouter } from './routers/seller-inventory'
import { sellerOrdersRouter } from './routers/seller-orders'
import { sellerProductBulkRouter } from './routers/seller-product-bulk'
import { sellerProductsRouter } from './routers/seller-products'
import { sellerSalesRouter } from './routers/seller-sales'
import { sellerStoreRouter } from './routers/seller-store'
import { sellerWarehousesRouter } from './routers/seller-warehouses'
import { mergeRouters, router } from './trpc'

/** The whole API: one router per bounded context. */
export const appRouter = router({
  account: accountRouter,
  admin: adminRouter,
  auth: authRouter,
  cart: cartRouter,
  catalog: catalogRouter,
  catalogAdmin: adminCatalogRouter,
  health: healthRouter,
  notifications: notificationsRouter,
  oidc: oidcRouter,
  recommendations: recommendationsRouter,
  orders: mergeRouters(ordersRouter, orderHistoryRouter),
  payments: paymentsRouter,
  reviewModeration: reviewModerationRouter,
  refunds: refundsRouter,
  reviews: reviewsRouter,
  search: searchRouter,
  seller: mergeRouters(
    sellerStoreRouter,
    sellerImagesRouter,
    sellerProductsRouter,
    sellerProductBulkRouter,
    sellerInventoryRouter,
    sellerFlashSalesRouter,
    sellerWarehousesRouter,
    sellerOrdersRouter,
    sellerSalesRouter,
  ),
})

export type AppRouter = typeof appRouter
