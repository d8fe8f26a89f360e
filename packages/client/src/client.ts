import type { AppRouter } from '@emporium/api'
import { createTRPCClient, httpLink, retryLink, TRPCClientError } from '@trpc/client'

export interface EmporiumClientOptions {
  /** Base URL of the API, e.g. `http://127.0.0.1:3000` (the client calls `<apiUrl>/trpc`). */
  apiUrl: string
  /** Session token from `auth.login` with `client: 'mobile'`, sent as a bearer token. */
  token?: string | (() => string | undefined)
  /** Retries of an idempotent call after a network error or a 5xx/429 (default 3). */
  maxRetries?: number
  /** Base of the exponential back-off between retries in ms (default 200, capped at 5 s). */
  retryBaseMs?: number
  /** A fetch implementation (defaults to the global one). */
  fetch?: typeof fetch
}

/** Error codes worth retrying: the server or the network failed, not the request. */
const TRANSIENT = new Set([
  'INTERNAL_SERVER_ERROR',
  'BAD_GATEWAY',
  'SERVICE_UNAVAILABLE',
  'GATEWAY_TIMEOUT',
  'TOO_MANY_REQUESTS',
  'TIMEOUT',
])

/** True when an error came from the network or the server's side and the call may be sent again. */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false
  const code = (error.data as { code?: string } | undefined)?.code
  // No tRPC error data: the request never got a tRPC answer (connection refused, reset, DNS).
  return code === undefined || TRANSIENT.has(code)
}

/**
 * Whether an operation may be sent twice: queries always; mutations only when they carry an
 * Idempotency-Key (pass `{ context: { idempotencyKey } }`), which the API deduplicates.
 */
export function isIdempotent(op: { type: string; context: Record<string, unknown> }): boolean {
  return op.type === 'query' || typeof op.context.idempotencyKey === 'string'
}

/**
 * A typed client of the Emporium API for programs that are not the web app: bearer-token auth,
 * Idempotency-Key headers from the call context, and bounded retries with back-off for calls that
 * are safe to repeat.
 */
export function createEmporiumClient(options: EmporiumClientOptions) {
  const maxRetries = options.maxRetries ?? 3
  const base = options.retryBaseMs ?? 200
  const token =
    typeof options.token === 'function' ? options.token : () => options.token as string | undefined
  return createTRPCClient<AppRouter>({
    links: [
      retryLink({
        retry: ({ op, error, attempts }) =>
          attempts <= maxRetries && isIdempotent(op) && isTransientError(error),
        retryDelayMs: (attempt) => Math.min(base * 2 ** attempt, 5_000),
      }),
      httpLink({
        url: `${options.apiUrl.replace(/\/$/, '')}/trpc`,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        headers: ({ op }) => {
          const headers: Record<string, string> = {}
          const bearer = token()
          if (bearer) headers.authorization = `Bearer ${bearer}`
          const key = op.context.idempotencyKey
          if (typeof key === 'string') headers['idempotency-key'] = key
          return headers
        },
      }),
    ],
  })
}

export type EmporiumClient = ReturnType<typeof createEmporiumClient>

/** Signs in with email and password and returns a bearer token for `createEmporiumClient`. */
export async function signInForToken(
  apiUrl: string,
  email: string,
  password: string,
): Promise<{ token: string; expiresAt: string }> {
  const client = createEmporiumClient({ apiUrl, maxRetries: 0 })
  const session = await client.auth.login.mutate({ email, password, client: 'mobile' })
  if (session.token === null) throw new Error('The API did not hand out a token for this client.')
  return { token: session.token, expiresAt: session.expiresAt }
}
