import { createTRPCClient, httpBatchLink } from '@trpc/client'
import type { AppRouter } from '@emporium/api'

/** Typed client for the Emporium API; `/trpc` is same-origin (proxied by Vite in dev and preview). */
export const trpc = createTRPCClient<AppRouter>({
  links: [httpBatchLink({ url: '/trpc' })],
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
