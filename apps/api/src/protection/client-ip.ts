import type { IncomingMessage } from 'node:http'

/**
 * The caller's IP. `X-Forwarded-For` is trusted only when the API sits behind our own proxy
 * (TRUST_PROXY), since any client can send that header.
 */
export function clientIp(req: IncomingMessage | undefined, trustProxy: boolean): string {
  if (!req) return 'internal'
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for']
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim()
    if (first) return first
  }
  return req.socket.remoteAddress ?? 'unknown'
}
