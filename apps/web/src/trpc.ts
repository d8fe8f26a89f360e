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
