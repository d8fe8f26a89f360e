import type { IncomingMessage, ServerResponse } from 'node:http'
import { setNotificationOptOut } from '@emporium/db'
import { NOTIFICATION_KINDS, NotificationKindSchema, canOptOut } from '@emporium/domain'
import { LINK_PATHS, verifyLinkToken } from '@emporium/infra'
import { setCartCookie } from '../cart/cart-cookie'
import { restoreCart } from '../cart/restore-cart'
import { DEFAULT_CART_SETTINGS } from '@emporium/cart'
import type { ApiDeps } from '../deps'

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

function page(res: ServerResponse, status: number, title: string, message: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  res.end(
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
      `<body style="font-family: sans-serif"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`,
  )
}

const tokenOf = (req: IncomingMessage) =>
  new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? ''

/**
 * Opts the link's user out of the link's kind (GET from the mail, POST from a mail client's
 * one-click unsubscribe). Returns the kind's label, or null for an invalid or expired link.
 */
export async function unsubscribeWithToken(
  deps: Pick<ApiDeps, 'db' | 'config'>,
  token: string,
): Promise<string | null> {
  const claims = verifyLinkToken(deps.config.NOTIFICATION_LINK_SECRET, 'unsubscribe', token)
  const kind = NotificationKindSchema.safeParse(claims?.kind)
  if (!claims || !kind.success || !canOptOut(kind.data)) return null
  await setNotificationOptOut(deps.db, {
    userId: claims.subject,
    channel: 'email',
    kind: kind.data,
    optedOut: true,
  })
  return NOTIFICATION_KINDS[kind.data].label
}

async function handleUnsubscribe(deps: ApiDeps, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'GET' && req.method !== 'POST') {
    res.writeHead(405, { allow: 'GET, POST' }).end()
    return
  }
  const label = await unsubscribeWithToken(deps, tokenOf(req))
  if (label === null) {
    page(
      res,
      400,
      'Link not valid',
      'This unsubscribe link is invalid or has expired. You can change your mail settings in your account.',
    )
    return
  }
  page(
    res,
    200,
    'You are unsubscribed',
    `We will no longer email you: ${label}. You can turn them back on in your account.`,
  )
}

async function handleCartRestore(deps: ApiDeps, req: IncomingMessage, res: ServerResponse) {
  const claims = verifyLinkToken(deps.config.NOTIFICATION_LINK_SECRET, 'cart-restore', tokenOf(req))
  const cart = claims ? await restoreCart(deps, claims.subject) : null
  if (!cart) {
    page(
      res,
      400,
      'Link not valid',
      'This cart link is invalid or has expired, or the cart no longer exists.',
    )
    return
  }
  // A guest cart is reached through its cookie; a signed-in shopper's through their account.
  if (cart.meta.userId === null) {
    setCartCookie(res, cart.meta.id, DEFAULT_CART_SETTINGS.guestTtlS, deps.config.COOKIE_SECURE)
  }
  res.writeHead(302, {
    location: `${deps.config.WEB_ORIGIN.replace(/\/$/, '')}/cart`,
    'cache-control': 'no-store',
  })
  res.end()
}

/** Serves the signed links in mails (`/links/...`); true when `path` was one of them. */
export function handleSignedLink(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): boolean {
  const handler =
    path === LINK_PATHS.unsubscribe
      ? handleUnsubscribe
      : path === LINK_PATHS.cartRestore
        ? handleCartRestore
        : null
  if (!handler) return false
  handler(deps, req, res).catch((error: unknown) => {
    deps.logger.error({ err: error, path }, 'signed link failed')
    if (!res.headersSent) page(res, 500, 'Something went wrong', 'Please try the link again later.')
  })
  return true
}
