import { z } from 'zod'
import { checkDependencies } from '../health/check-dependencies'
import { publicProcedure, router } from '../trpc'

const ServiceHealthSchema = z.object({
  name: z.enum(['postgres', 'redis', 'temporal', 'search', 'payments', 'mail']),
  status: z.enum(['up', 'down', 'disabled']),
  latencyMs: z.number().int().nonnegative(),
  detail: z.string(),
  url: z.string().optional(),
})

const HealthReportSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  checkedAt: z.iso.datetime(),
  services: z.array(ServiceHealthSchema),
})

export const healthRouter = router({
  /** Live status of every dependency (Postgres, Redis, Temporal, search, payments, mail). */
  check: publicProcedure.output(HealthReportSchema).query(async ({ ctx }) => {
    const services = await checkDependencies(ctx)
    return {
      status: services.every((s) => s.status !== 'down') ? ('ok' as const) : ('degraded' as const),
      checkedAt: new Date().toISOString(),
      services,
    }
  }),
  /** Operator links shown by the web app (Temporal UI, mail catcher in development). */
  links: publicProcedure
    .output(z.object({ temporalUi: z.string(), mailpit: z.string().nullable(), api: z.string() }))
    .query(({ ctx }) => ({
      temporalUi: ctx.config.TEMPORAL_UI_URL,
      mailpit:
        ctx.config.SMTP_URL && ctx.config.NODE_ENV !== 'production' ? ctx.config.MAILPIT_URL : null,
      api: `http://${ctx.config.API_HOST}:${ctx.config.API_PORT}/trpc`,
    })),
})
