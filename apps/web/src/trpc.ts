import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client'
import type { AppRouter } from '@emporium/api'

/**
 * Typed client for the Emporium API; `/trpc` is same-origin (proxied by Vite in dev and preview).
 * A call made with `{ context: { idempotencyKey } }` goes alone, with that Idempotency-Key header.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => typeof op.context.idempotencyKey === 'string',
      true: httpLink({
        url: '/trpc',
        headers: ({ op }) => ({ 'Idempotency-Key': String(op.context.idempotencyKey) }),
      }),
      false: httpBatchLink({ url: '/trpc' }),
    }),
  ],
})

/** What `health.check` returns, inferred from the API router. */
export type HealthReport = Awaited<ReturnType<typeof trpc.health.check.query>>

/** One dependency in a health report. */
export type ServiceHealth = HealthReport['services'][number]

/** Operator links from `health.links`. */
export type OpsLinks = Awaited<ReturnType<typeof trpc.health.links.query>>

/** The signed-in user from `auth.me` (null when signed out). */
export type Me = Awaited<ReturnType<typeof trpc.auth.me.query>>

/** One of the user's sessions from `auth.listSessions`. */
export type SessionView = Awaited<ReturnType<typeof trpc.auth.listSessions.query>>[number]

/** One address-book entry from `account.listAddresses`. */
export type AddressView = Awaited<ReturnType<typeof trpc.account.listAddresses.query>>[number]

/** A store from `seller.getStore` / `admin.listSellers`. */
export type StoreView = Awaited<ReturnType<typeof trpc.seller.getStore.query>>

type Query<P extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<P>>

/** A search answer from `search.products`: hits, facets and "did you mean". */
export type SearchResult = Query<typeof trpc.search.products.query>

/** One search hit. */
export type SearchHit = SearchResult['hits'][number]

/** A sort order of `search.products`. */
export type SearchSort = NonNullable<Parameters<typeof trpc.search.products.query>[0]['sort']>

/** Suggestions from `search.autocomplete`. */
export type Suggestions = Query<typeof trpc.search.autocomplete.query>

/** A page of a category listing from `catalog.listProducts`. */
export type ProductListing = Query<typeof trpc.catalog.listProducts.query>

/** One product card of a listing. */
export type ProductCardView = ProductListing['items'][number]

/** A product page from `catalog.getProduct`. */
export type ProductView = Query<typeof trpc.catalog.getProduct.query>

/** One purchasable variant on a product page. */
export type VariantView = ProductView['variants'][number]

/** The shopper's cart from `cart.get`. */
export type CartView = Query<typeof trpc.cart.get.query>

/** One line of the cart. */
export type CartLineView = CartView['lines'][number]

/** A currency the cart can be in. */
export type CartCurrency = Parameters<typeof trpc.cart.setCurrency.mutate>[0]['currency']

/** A seller's own product from `seller.getProduct`. */
export type SellerProductView = Query<typeof trpc.seller.getProduct.query>

/** A row of the seller's product list. */
export type SellerProductSummary = Query<typeof trpc.seller.listProducts.query>['items'][number]

/** A row of the seller's inventory. */
export type InventoryRow = Query<typeof trpc.seller.listInventory.query>['items'][number]

/** A stock location. */
export type WarehouseView = Query<typeof trpc.seller.listWarehouses.query>['items'][number]

/** An import's outcome from `seller.importProducts`. */
export type ImportResult = Query<typeof trpc.seller.importProducts.mutate>

/** An import's progress from `seller.importStatus`. */
export type ImportStatus = Query<typeof trpc.seller.importStatus.query>

/** A checkout's live progress from `orders.progress`. */
export type CheckoutProgress = Query<typeof trpc.orders.progress.query>

/** One order of the shopper's history. */
export type OrderSummary = Query<typeof trpc.orders.list.query>['items'][number]

/** One order in full, with its tracking timeline. */
export type OrderDetail = Query<typeof trpc.orders.get.query>

/** A seller's sales figures from `seller.getSalesStats`. */
export type SalesStats = Query<typeof trpc.seller.getSalesStats.query>
