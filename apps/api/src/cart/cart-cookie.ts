import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseCookie, stringifySetCookie } from 'cookie'

/** Cookie holding a guest's cart id. */
export const CART_COOKIE = 'emp_cart'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The guest cart id sent by the browser, if it is a well-formed id. */
export function readCartCookie(req: IncomingMessage | undefined): string | null {
  const header = req?.headers.cookie
  if (!header) return null
  const id = parseCookie(header)[CART_COOKIE]
  return id !== undefined && UUID.test(id) ? id : null
}

function appendSetCookie(res: ServerResponse, cookie: string): void {
  const existing = res.getHeader('set-cookie')
  const list = Array.isArray(existing) ? existing : typeof existing === 'string' ? [existing] : []
  res.setHeader('set-cookie', [...list, cookie])
}

/** Sets (or, with `maxAgeS` 0, removes) the guest cart cookie: httpOnly, SameSite=Lax. */
export function setCartCookie(
  res: ServerResponse | undefined,
  cartId: string,
  maxAgeS: number,
  secure: boolean,
): void {
  if (!res) return
  appendSetCookie(
    res,
    stringifySetCookie(CART_COOKIE, cartId, {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path: '/',
      maxAge: maxAgeS,
    }),
  )
}
