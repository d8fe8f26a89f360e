import type { IncomingMessage } from 'node:http'

/** Origins allowed to send state-changing requests with the session cookie. */
export function allowedOrigins(config: {
  WEB_ORIGIN: string
  EXTRA_ORIGINS: string
  API_HOST: string
  API_PORT: number
}): Set<string> {
  const origins = [
    config.WEB_ORIGIN,
    `http://${config.API_HOST}:${config.API_PORT}`,
    ...config.EXTRA_ORIGINS.split(','),
  ]
  return new Set(
    origins
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => new URL(o).origin),
  )
}

/**
 * CSRF defence for cookie-carried mutations (the cookie is SameSite=Lax too): the browser's Origin
 * must be ours. A request with no Origin is accepted only when the browser says it is same-origin.
 * Returns a reason to refuse, or null to accept.
 */
export function crossSiteRefusal(
  req: IncomingMessage | undefined,
  allowed: Set<string>,
  cookieAuthenticated: boolean,
): string | null {
  if (!req) return null
  const origin = req.headers.origin
  if (origin && origin !== 'null') {
    return allowed.has(origin) ? null : `requests from ${origin} are not allowed`
  }
  if (!cookieAuthenticated) return null
  if (req.headers['sec-fetch-site'] === 'same-origin') return null
  return 'a signed-in change must come from the Emporium web app (no Origin header)'
}
