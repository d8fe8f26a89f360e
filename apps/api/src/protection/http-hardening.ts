import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * Headers on every response: no MIME sniffing, no framing, no referrer leaks, HTTPS pinned, and a
 * CSP that forbids everything but inline styles (the API serves JSON, images and a few plain pages).
 */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
}

/** Sets the security headers on a response before anything else writes to it. */
export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
  res.removeHeader('x-powered-by')
}

/** Most tRPC calls carry a few KB of JSON. */
export const MAX_TRPC_BODY_BYTES = 1024 * 1024
/** Uploads (base64 images up to 10 MB, CSV imports) may send more. */
export const MAX_UPLOAD_BODY_BYTES = 16 * 1024 * 1024
const UPLOAD_PROCEDURES = new Set([
  'seller.uploadProductImage',
  'reviews.uploadPhoto',
  'seller.importProducts',
])

/** The body limit of a `/trpc/<path>[,<path>…]` request: the upload limit only if every call is an upload. */
export function trpcBodyLimit(path: string): number {
  const procedures = path.replace(/^\/trpc\//, '').split(',')
  return procedures.every((p) => UPLOAD_PROCEDURES.has(p))
    ? MAX_UPLOAD_BODY_BYTES
    : MAX_TRPC_BODY_BYTES
}

const describeBytes = (bytes: number) => `${Math.round(bytes / 1024)} KB`

/**
 * Answers 413 in tRPC's error shape when the declared Content-Length passes the limit, so the
 * client sees why at once; returns true when it did. Bodies without a length are cut by tRPC's own
 * `maxBodySize` while they stream.
 */
export function refuseOversizedBody(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
): boolean {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (!(declared > limit)) return false
  const message = `The request is too large (${describeBytes(declared)}); the limit is ${describeBytes(limit)}.`
  res.writeHead(413, { 'content-type': 'application/json', connection: 'close' })
  res.end(
    JSON.stringify({
      error: {
        message,
        code: -32013,
        data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 },
      },
    }),
  )
  req.resume() // drain what the client still sends, so it reads the answer instead of a reset
  return true
}
