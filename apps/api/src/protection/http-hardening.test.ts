import { randomUUID } from 'node:crypto'
import http from 'node:http'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'

describe('HTTP hardening: security headers and body limits', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  }, 60_000)
  afterAll(async () => {
    await api?.close()
  })

  /** Posts `body` to a tRPC path, optionally streamed without a Content-Length. */
  function post(path: string, body: Buffer, chunked = false) {
    return new Promise<{ status: number; json: unknown }>((resolve, reject) => {
      const req = http.request(
        `${api.url}/trpc/${path}`,
        {
          method: 'POST',
          headers: chunked
            ? { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
            : { 'content-type': 'application/json', 'content-length': body.length },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              json: JSON.parse(Buffer.concat(chunks).toString()),
            }),
          )
        },
      )
      // The server may answer and close before it has read everything: that is the point.
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
      })
      if (chunked) {
        for (let i = 0; i < body.length; i += 1024 * 1024)
          req.write(body.subarray(i, i + 1024 * 1024))
        req.end()
      } else req.end(body)
    })
  }

  /** A JSON string field padded to `bytes`. */
  const bodyOf = (bytes: number) =>
    Buffer.from(JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(bytes) }))

  it('sets the security headers on tRPC answers, plain routes and 404s', async () => {
    for (const path of ['/trpc/health.check', '/healthz', '/nowhere']) {
      const res = await fetch(`${api.url}${path}`)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('x-frame-options'), path).toBe('DENY')
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer')
      expect(res.headers.get('strict-transport-security'), path).toBe(
        'max-age=31536000; includeSubDomains',
      )
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'")
      expect(res.headers.get('x-powered-by'), path).toBeNull()
    }
  })

  it('refuses a body over 1 MB with 413 and a message saying the limit', async () => {
    const res = await post('auth.login', bodyOf(2 * 1024 * 1024))
    expect(res.status).toBe(413)
    expect(res.json).toMatchObject({
      error: {
        message: 'The request is too large (2048 KB); the limit is 1024 KB.',
        data: { code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 },
      },
    })
  })

  it('lets an image upload carry more than 1 MB (it reaches the procedure, which asks to sign in)', async () => {
    const res = await post('seller.uploadProductImage', bodyOf(2 * 1024 * 1024))
    expect(res.status).toBe(401)
  })

  it('cuts a streamed body with no Content-Length once it passes the upload limit', async () => {
    const res = await post('auth.login', bodyOf(17 * 1024 * 1024), true)
    expect(res.status).toBe(413)
    expect(res.json).toMatchObject({ error: { data: { code: 'PAYLOAD_TOO_LARGE' } } })
  })
})
