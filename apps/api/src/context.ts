import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiDeps } from './deps'

/** The signed-in user, once accounts exist; null for anonymous callers. */
export interface Session {
  userId: string
  role: 'customer' | 'seller' | 'admin'
}

export interface Context extends ApiDeps {
  requestId: string
  session: Session | null
  req: IncomingMessage | undefined
  res: ServerResponse | undefined
}

/** Per-request context: shared deps plus a request id (taken from `x-request-id` when the caller sends one). */
export function createContextFactory(deps: ApiDeps) {
  return ({ req, res }: { req?: IncomingMessage; res?: ServerResponse }): Context => {
    const header = req?.headers['x-request-id']
    const requestId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID()
    res?.setHeader('x-request-id', requestId)
    return { ...deps, requestId, session: null, req, res }
  }
}
