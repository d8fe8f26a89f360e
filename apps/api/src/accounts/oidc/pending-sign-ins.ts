import { createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Redis } from '@emporium/infra'
import { parseCookie, stringifySetCookie } from 'cookie'
import { z } from 'zod'

/** How long a started sign-in may take at the provider. */
export const PENDING_SIGN_IN_TTL_S = 600

/** Ties a started sign-in to the browser that started it, so a callback link sent to someone else cannot sign them in. */
export const BROWSER_BINDING_COOKIE = 'emp_oidc'

const PendingSignIn = z.object({
  provider: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  returnTo: z.string(),
  browserHash: z.string(),
})
export type PendingSignIn = z.infer<typeof PendingSignIn>

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url')
const keyOf = (state: string) => `oidc:pending:${sha256(state)}`

/** Remembers a started sign-in under its `state` for 10 minutes; Redis keeps only the state's hash as key. */
export async function savePendingSignIn(
  redis: Redis,
  state: string,
  pending: PendingSignIn,
): Promise<void> {
  await redis.set(keyOf(state), JSON.stringify(pending), 'EX', PENDING_SIGN_IN_TTL_S)
}

/** Spends a started sign-in: returns it the first time, null if unknown, expired or already used. */
export async function takePendingSignIn(
  redis: Redis,
  state: string,
): Promise<PendingSignIn | null> {
  if (state.length < 20 || state.length > 200) return null
  const raw = await redis.getdel(keyOf(state))
  return raw === null ? null : PendingSignIn.parse(JSON.parse(raw))
}

function readBinding(req: IncomingMessage | undefined): string | undefined {
  const header = req?.headers.cookie
  const value = header ? parseCookie(header)[BROWSER_BINDING_COOKIE] : undefined
  return value && /^[\w-]{43}$/.test(value) ? value : undefined
}

/** The hash of this browser's binding cookie, set (httpOnly, 10 min) when the browser has none yet. */
export function bindBrowser(
  req: IncomingMessage | undefined,
  res: ServerResponse | undefined,
  secure: boolean,
): string {
  const value = readBinding(req) ?? randomBytes(32).toString('base64url')
  if (res) {
    const cookie = stringifySetCookie(BROWSER_BINDING_COOKIE, value, {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path: '/',
      maxAge: PENDING_SIGN_IN_TTL_S,
    })
    const existing = res.getHeader('set-cookie')
    const list = Array.isArray(existing) ? existing : typeof existing === 'string' ? [existing] : []
    res.setHeader('set-cookie', [...list, cookie])
  }
  return sha256(value)
}

/** Whether this request comes from the browser that started the sign-in. */
export function isSameBrowser(req: IncomingMessage | undefined, browserHash: string): boolean {
  const value = readBinding(req)
  return value !== undefined && sha256(value) === browserHash
}
