import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { TRPCError } from '@trpc/server'
import { resolveSession, type AuthSession } from './accounts/resolve-session'
import type { ApiDeps } from './deps'
import { clientIp } from './protection/client-ip'
import { isStoreOutage } from './protection/store-outage'

export interface Context extends ApiDeps {
  requestId: string
  ip: string
  session: AuthSession | null
  req: IncomingMessage | undefined
  res: ServerResponse | undefined
}

/** Per-request context: shared deps, a request id (from `x-request-id` when sent), the caller's IP and session. */
export function createContextFactory(deps: ApiDeps) {
  return async ({
    req,
    res,
  }: {
    req?: IncomingMessage
    res?: ServerResponse
  }): Promise<Context> => {
    const header = req?.headers['x-request-id']
    const requestId =
      typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID()
    res?.setHeader('x-request-id', requestId)
    const session = await resolveSession(deps.db, deps.sessions, req).catch((error: unknown) => {
      // Sessions are cached in Redis: while it is down, say so plainly instead of a driver message.
      if (!isStoreOutage(error)) throw error
      deps.logger.warn({ err: error, requestId }, 'session store down')
      throw new TRPCError({
        code: 'SERVICE_UNAVAILABLE',
        message:
          'We cannot take requests for a moment; nothing was changed. Please try again in a few seconds.',
        cause: error,
      })
    })
    return { ...deps, requestId, ip: clientIp(req, deps.config.TRUST_PROXY), session, req, res }
  }
}
