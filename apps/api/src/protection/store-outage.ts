const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])

/** True when `error` (or a cause of it) says a store the API needs (Redis) is not answering. */
export function isStoreOutage(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === 'MaxRetriesPerRequestError' || e.message === 'Connection is closed.') return true
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true
  }
  return false
}
