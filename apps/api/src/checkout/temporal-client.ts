import type { TemporalClient } from '@emporium/infra'
import { TRPCError } from '@trpc/server'
import type { Context } from '../context'

/** The Temporal client, or a SERVICE_UNAVAILABLE the shopper can retry when Temporal is unreachable. */
export async function temporalClientOf(ctx: Context): Promise<TemporalClient> {
  try {
    return await ctx.temporal()
  } catch (error) {
    ctx.logger.error({ err: error, requestId: ctx.requestId }, 'Temporal unreachable')
    throw new TRPCError({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Checkout is briefly unavailable. Please try again in a few seconds.',
      cause: error,
    })
  }
}
