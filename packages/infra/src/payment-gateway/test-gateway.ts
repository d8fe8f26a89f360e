import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import {
  GatewayUnavailableError,
  type CreatePaymentInput,
  type GatewayAmount,
  type PaymentGateway,
  type PaymentState,
  type RefundResult,
} from './gateway'
import { isTestCardToken, TEST_CARD_TOKENS } from './test-cards'

interface StoredIntent {
  id: string
  orderId: string
  amount: GatewayAmount
  outcome: (typeof TEST_CARD_TOKENS)[keyof typeof TEST_CARD_TOKENS]['outcome']
  status: PaymentState['status']
  createdAt: number
  refundedMinor: number
}

const DAY_S = 24 * 3600

/**
 * The built-in test gateway: the embedded default when no Stripe key is configured, so the whole
 * checkout runs offline. State lives in Redis, shared by every API and worker process.
 */
export function createTestGateway(
  redis: Redis,
  options: { processingMs?: number } = {},
): PaymentGateway {
  const processingMs = options.processingMs ?? 2_000
  const intentKey = (id: string) => `tgw:intent:${id}`

  async function load(intentId: string): Promise<StoredIntent> {
    const raw = await redis.get(intentKey(intentId))
    if (!raw) throw new Error(`test gateway: no payment ${intentId}`)
    const intent = JSON.parse(raw) as StoredIntent
    // "Processing, then succeeds": the settlement lands once the processing time has passed.
    if (
      intent.status === 'pending' &&
      intent.outcome === 'processing' &&
      Date.now() - intent.createdAt >= processingMs
    ) {
      intent.status = 'succeeded'
      await save(intent)
    }
    return intent
  }
  const save = (intent: StoredIntent) =>
    redis.set(intentKey(intent.id), JSON.stringify(intent), 'EX', 30 * DAY_S)

  function view(intent: StoredIntent): PaymentState {
    switch (intent.status) {
      case 'succeeded':
        return { status: 'succeeded', intentId: intent.id }
      case 'pending':
        return { status: 'pending', intentId: intent.id, clientSecret: null }
      case 'cancelled':
        return { status: 'cancelled', intentId: intent.id }
      case 'failed':
        return intent.outcome === 'insufficient_funds'
          ? {
              status: 'failed',
              intentId: intent.id,
              declineCode: 'insufficient_funds',
              message: 'Your card has insufficient funds.',
              retryable: true,
            }
          : {
              status: 'failed',
              intentId: intent.id,
              declineCode: 'card_declined',
              message: 'Your card was declined.',
              retryable: false,
            }
    }
  }

  /** Runs `create` once per idempotency key; a repeat returns the first result. */
  async function once<T>(
    idempotencyKey: string,
    create: () => Promise<{ id: string; result: T }>,
    replay: (id: string) => Promise<T>,
  ): Promise<T> {
    const key = `tgw:idem:${idempotencyKey}`
    const claimed = await redis.set(key, 'claimed', 'EX', DAY_S, 'NX')
    if (!claimed) {
      for (let i = 0; i < 50; i++) {
        const id = await redis.get(key)
        if (id && id !== 'claimed') return replay(id)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      throw new GatewayUnavailableError(
        `test gateway: request with idempotency key ${idempotencyKey} is still in progress`,
      )
    }
    try {
      const { id, result } = await create()
      await redis.set(key, id, 'EX', DAY_S)
      return result
    } catch (error) {
      await redis.del(key)
      throw error
    }
  }

  return {
    name: 'test',

    async createPayment(input: CreatePaymentInput) {
      if (!isTestCardToken(input.paymentMethodToken)) {
        throw new Error(
          `test gateway: unknown card token "${input.paymentMethodToken}" (use one of ${Object.keys(TEST_CARD_TOKENS).join(', ')})`,
        )
      }
      const { outcome } = TEST_CARD_TOKENS[input.paymentMethodToken]
      if (outcome === 'outage')
        throw new GatewayUnavailableError('test gateway: simulated outage (503)')
      return once(
        input.idempotencyKey,
        async () => {
          const intent: StoredIntent = {
            id: `tpi_${randomBytes(12).toString('hex')}`,
            orderId: input.orderId,
            amount: input.amount,
            outcome,
            status:
              outcome === 'succeeded'
                ? 'succeeded'
                : outcome === 'processing'
                  ? 'pending'
                  : 'failed',
            createdAt: Date.now(),
            refundedMinor: 0,
          }
          await save(intent)
          return { id: intent.id, result: view(intent) }
        },
        async (id) => view(await load(id)),
      )
    },

    async getPayment(intentId) {
      return view(await load(intentId))
    },

    async cancelPayment(intentId) {
      const intent = await load(intentId)
      if (intent.status === 'succeeded') {
        throw new Error(
          `test gateway: payment ${intentId} has succeeded; refund it instead of cancelling`,
        )
      }
      if (intent.status !== 'cancelled') {
        intent.status = 'cancelled'
        await save(intent)
      }
      return view(intent)
    },

    async refund({ intentId, amount, idempotencyKey }): Promise<RefundResult> {
      return once(
        `refund:${idempotencyKey}`,
        async () => {
          const intent = await load(intentId)
          if (intent.status !== 'succeeded')
            throw new Error(
              `test gateway: payment ${intentId} has not succeeded; nothing to refund`,
            )
          if (amount.currency !== intent.amount.currency)
            throw new Error('test gateway: refund currency differs from the payment')
          if (intent.refundedMinor + amount.amount > intent.amount.amount) {
            throw new Error(
              `test gateway: refund of ${amount.amount} exceeds the ${intent.amount.amount - intent.refundedMinor} left on ${intentId}`,
            )
          }
          intent.refundedMinor += amount.amount
          await save(intent)
          const refundId = `tre_${randomBytes(12).toString('hex')}`
          await redis.set(`tgw:refund:${refundId}`, JSON.stringify(amount), 'EX', 30 * DAY_S)
          return { id: refundId, result: { refundId, status: 'succeeded' as const, amount } }
        },
        async (refundId) => {
          const raw = await redis.get(`tgw:refund:${refundId}`)
          return {
            refundId,
            status: 'succeeded' as const,
            amount: raw ? (JSON.parse(raw) as GatewayAmount) : amount,
          }
        },
      )
    },
  }
}
