import type { IncomingMessage } from 'node:http'
import { TRPCError } from '@trpc/server'

/** Header a client sends with `orders.place`; retrying with the same value returns the same checkout. */
export const IDEMPOTENCY_HEADER = 'idempotency-key'

const KEY = /^[A-Za-z0-9_:.-]{8,128}$/

/** The request's Idempotency-Key, or a BAD_REQUEST a developer understands. */
export function requireIdempotencyKey(req: IncomingMessage | undefined): string {
  const raw = req?.headers[IDEMPOTENCY_HEADER]
  const value = Array.isArray(raw) ? raw[0] : raw
  if (value === undefined || value === '') {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message:
        'Placing an order needs an Idempotency-Key header (a random id such as a UUID, reused when retrying the same order).',
    })
  }
  if (!KEY.test(value)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message:
        'The Idempotency-Key header must be 8 to 128 letters, digits or any of _ : . - (a UUID works).',
    })
  }
  return value
}
