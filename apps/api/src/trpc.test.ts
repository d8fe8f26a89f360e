import type { AddressInfo } from 'node:net'
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client'
import { createHTTPServer } from '@trpc/server/adapters/standalone'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createContextFactory } from './context'
import { createApiDeps } from './deps'
import { publicProcedure, router } from './trpc'

// A router built only for this test, on the same tRPC instance (and so the same error formatter) as the API.
const probeRouter = router({
  echo: publicProcedure
    .input(z.object({ email: z.email(), quantity: z.number().int().min(1) }))
    .mutation(({ input }) => input),
})

describe('tRPC error formatting over HTTP', () => {
  const deps = createApiDeps(testConfig())
  const server = createHTTPServer({
    router: probeRouter,
    createContext: createContextFactory(deps),
  })
  let client: ReturnType<typeof createTRPCClient<typeof probeRouter>>

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    client = createTRPCClient<typeof probeRouter>({
      links: [httpLink({ url: `http://127.0.0.1:${port}` })],
    })
  })
  afterAll(async () => {
    server.close()
    await deps.close()
  })

  it('turns a zod failure into BAD_REQUEST with a readable message and per-field errors', async () => {
    const error = await client.echo
      .mutate({ email: 'not-an-email', quantity: 0 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TRPCClientError)
    const clientError = error as TRPCClientError<typeof probeRouter>
    expect(clientError.data?.code).toBe('BAD_REQUEST')
    expect(clientError.data?.httpStatus).toBe(400)
    expect(clientError.message).toContain('Invalid email address')
    expect(clientError.message).toContain('quantity')
    expect(Object.keys(clientError.data?.fieldErrors ?? {}).sort()).toEqual(['email', 'quantity'])
    expect(clientError.data?.stack).toBeUndefined()
  })

  it('passes valid input through', async () => {
    await expect(client.echo.mutate({ email: 'a@example.com', quantity: 2 })).resolves.toEqual({
      email: 'a@example.com',
      quantity: 2,
    })
  })
})
