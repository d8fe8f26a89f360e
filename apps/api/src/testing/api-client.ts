import { createTRPCClient, httpLink, type TRPCClientError } from '@trpc/client'
import type { AppRouter } from '../root'

export interface TestClientOptions {
  /** Origin header sent with every call, as a browser would; null sends none. */
  origin?: string | null
  bearer?: string
}

/**
 * A tRPC client that behaves like a browser (keeps the cookies the API sets and sends an Origin)
 * or like a mobile app (bearer token).
 */
export function createTestClient(apiUrl: string, options: TestClientOptions = {}) {
  const jar = new Map<string, string>()
  const headers = ({
    op,
  }: {
    op: { context: Record<string, unknown> }
  }): Record<string, string> => {
    const h: Record<string, string> = {}
    // `mutate(input, { context: { idempotencyKey } })` sends it as the Idempotency-Key header.
    if (typeof op.context.idempotencyKey === 'string')
      h['idempotency-key'] = op.context.idempotencyKey
    if (options.origin !== null) h.origin = options.origin ?? 'http://127.0.0.1:5173'
    if (options.bearer) h.authorization = `Bearer ${options.bearer}`
    if (jar.size > 0) h.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    return h
  }
  const client = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${apiUrl}/trpc`,
        headers,
        fetch: async (url, init) => {
          const response = await fetch(url as string, init)
          for (const cookie of response.headers.getSetCookie()) {
            const [pair] = cookie.split(';')
            const [name, ...rest] = (pair ?? '').split('=')
            const value = rest.join('=')
            if (!name) continue
            if (value === '' || /max-age=0/i.test(cookie)) jar.delete(name)
            else jar.set(name, value)
          }
          return response
        },
      }),
    ],
  })
  return { client, jar, setCookie: (name: string, value: string) => jar.set(name, value) }
}

export type TestClient = ReturnType<typeof createTestClient>

/** The tRPC error a call ended with, or null when it succeeded. */
export const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as TRPCClientError<AppRouter>,
  )

/** A browser-like client signed in with email and password. */
export async function signIn(apiUrl: string, email: string, password: string): Promise<TestClient> {
  const browser = createTestClient(apiUrl)
  await browser.client.auth.login.mutate({ email, password })
  return browser
}
