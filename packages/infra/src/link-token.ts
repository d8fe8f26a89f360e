import { createHmac, timingSafeEqual } from 'node:crypto'

/** What a signed link may do; a token signed for one purpose is refused for another. */
export type LinkPurpose = 'unsubscribe' | 'cart-restore'

/** The claims a signed link carries. */
export interface LinkClaims {
  purpose: LinkPurpose
  /** The user (unsubscribe) or cart (cart restore) the link acts on. */
  subject: string
  /** Notification kind to opt out of (unsubscribe only). */
  kind?: string
  /** Unix seconds after which the link no longer works. */
  exp: number
}

const mac = (secret: string, body: string) =>
  createHmac('sha256', secret).update(body).digest('base64url')

/** Signs `claims` as `<base64url JSON>.<base64url HMAC-SHA256>`, safe to put in a query string. */
export function signLinkToken(secret: string, claims: LinkClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${body}.${mac(secret, body)}`
}

/**
 * The claims of a token signed with `secret` for `purpose` and not expired at `now`; null for a
 * forged, altered, expired or malformed token or one signed for another purpose.
 */
export function verifyLinkToken(
  secret: string,
  purpose: LinkPurpose,
  token: string,
  now: Date = new Date(),
): LinkClaims | null {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return null
  const expected = Buffer.from(mac(secret, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  let claims: Partial<LinkClaims>
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<LinkClaims>
  } catch {
    return null // the signature matched, so this cannot happen unless the secret leaked
  }
  if (claims.purpose !== purpose || typeof claims.subject !== 'string') return null
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) return null
  return { purpose, subject: claims.subject, kind: claims.kind, exp: claims.exp }
}

/** API routes that signed mail links open (the web origin forwards them to the API). */
export const LINK_PATHS = {
  unsubscribe: '/links/unsubscribe',
  cartRestore: '/links/cart-restore',
} as const satisfies Record<string, string>

/** A signed link on `origin`: `<origin><path>?token=<token>`. */
export function signedLinkUrl(origin: string, path: string, token: string): string {
  return `${origin.replace(/\/$/, '')}${path}?token=${encodeURIComponent(token)}`
}
