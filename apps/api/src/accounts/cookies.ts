import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseCookie, stringifySetCookie } from 'cookie'

export const SESSION_COOKIE = 'emp_session'

/** The session token sent by the web app (cookie) or a mobile client (`Authorization: Bearer`). */
export function readSessionToken(
  req: IncomingMessage | undefined,
): { token: string; via: 'cookie' | 'bearer' } | null {
  if (!req) return null
  const authorization = req.headers.authorization
  if (authorization?.startsWith('Bearer ')) {
    const token = authorization.slice('Bearer '.length).trim()
    if (token) return { token, via: 'bearer' }
  }
  const header = req.headers.cookie
  if (!header) return null
  const token = parseCookie(header)[SESSION_COOKIE]
  return token ? { token, via: 'cookie' } : null
}

function appendSetCookie(res: ServerResponse, cookie: string): void {
  const existing = res.getHeader('set-cookie')
  const list = Array.isArray(existing) ? existing : typeof existing === 'string' ? [existing] : []
  res.setHeader('set-cookie', [...list, cookie])
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure unless turned off for plain-http development. */
export function setSessionCookie(
  res: ServerResponse | undefined,
  token: string,
  maxAgeS: number,
  secure: boolean,
): void {
  if (!res) return
  appendSetCookie(
    res,
    stringifySetCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path: '/',
      maxAge: maxAgeS,
    }),
  )
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(res: ServerResponse | undefined, secure: boolean): void {
  if (!res) return
  appendSetCookie(
    res,
    stringifySetCookie(SESSION_COOKIE, '', {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path: '/',
      maxAge: 0,
    }),
  )
}
