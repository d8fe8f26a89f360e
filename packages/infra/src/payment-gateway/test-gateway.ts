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

/** KEYS: idempotency key, intent key. ARGV: id, intent JSON, intent TTL s, idempotency TTL s. */
const CREATE_ONCE_SCRIPT = `
local existing = redis.call('GET', KEYS[1])
if existing then return existing end
redis.call('SET', KEYS[2], ARGV[2], 'EX', tonumber(ARGV[3]))
redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[4]))
return ARGV[1]
`

/**
 * A refund checked and recorded atomically, once per idempotency key.
 * KEYS: idempotency key, intent key, refund key.
 * ARGV: refund id, amount (minor units), currency, amount JSON, refund TTL s, idempotency TTL s.
 * Returns {status, value}: ok/repeat with the refund id, or an error status (value: minor left).
 */
const REFUND_ONCE_SCRIPT = `
local existing = redis.call('GET', KEYS[1])
if existing then return {'repeat', existing} end
local raw = redis.call('GET', KEYS[2])
if not raw then return {'missing', ''} end
local intent = cjson.decode(raw)
if intent.status ~= 'succeeded' then return {'not_succeeded', ''} end
if intent.amount.currency ~= ARGV[3] then return {'currency', ''} end
local left = intent.amount.amount - intent.refundedMinor
if tonumber(ARGV[2]) > left then return {'exceeds', tostring(left)} end
intent.refundedMinor = intent.refundedMinor + tonumber(ARGV[2])
redis.call('SET', KEYS[2], cjson.encode(intent), 'KEEPTTL')
redis.call('SET', KEYS[3], ARGV[4], 'EX', tonumber(ARGV[5]))
redis.call('SET', KEYS[1], ARGV[1], 'EX', tonumber(ARGV[6]))
return {'ok', ARGV[1]}
`

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

  /**
   * Records a new payment under an idempotency key in one atomic step, as a real gateway does on
   * its side: the first request stores it, a repeat (say, after a lost reply) gets the same id back.
   */
  async function createOnce(idempotencyKey: string, intent: StoredIntent): Promise<string> {
    const id = await redis.eval(
      CREATE_ONCE_SCRIPT,
      2,
      `tgw:idem:${idempotencyKey}`,
      intentKey(intent.id),
      intent.id,
      JSON.stringify(intent),
      String(30 * DAY_S),
      String(DAY_S),
    )
    return String(id)
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
      const intent: StoredIntent = {
        id: `tpi_${randomBytes(12).toString('hex')}`,
        orderId: input.orderId,
        amount: input.amount,
        outcome,
        status:
          outcome === 'succeeded' ? 'succeeded' : outcome === 'processing' ? 'pending' : 'failed',
        createdAt: Date.now(),
        refundedMinor: 0,
      }
      return view(await load(await createOnce(input.idempotencyKey, intent)))
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
      const refundId = `tre_${randomBytes(12).toString('hex')}`
      const [status, value] = (await redis.eval(
        REFUND_ONCE_SCRIPT,
        3,
        `tgw:idem:refund:${idempotencyKey}`,
        intentKey(intentId),
        `tgw:refund:${refundId}`,
        refundId,
        String(amount.amount),
        amount.currency,
        JSON.stringify(amount),
        String(30 * DAY_S),
        String(DAY_S),
      )) as [string, string]
      switch (status) {
        case 'ok':
          return { refundId: value, status: 'succeeded', amount }
        case 'repeat': {
          const raw = await redis.get(`tgw:refund:${value}`)
          return {
            refundId: value,
            status: 'succeeded',
            amount: raw ? (JSON.parse(raw) as GatewayAmount) : amount,
          }
        }
        case 'missing':
          throw new Error(`test gateway: no payment ${intentId}`)
        case 'not_succeeded':
          throw new Error(`test gateway: payment ${intentId} has not succeeded; nothing to refund`)
        case 'currency':
          throw new Error('test gateway: refund currency differs from the payment')
        default:
          throw new Error(
            `test gateway: refund of ${amount.amount} exceeds the ${value} left on ${intentId}`,
          )
      }
    },
  }
}
