import { randomUUID } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { createRedis } from '../redis'
import { testConfig } from '../testing'
import { GatewayUnavailableError } from './gateway'
import { createTestGateway } from './test-gateway'

describe('built-in test gateway (real Redis)', () => {
  const redis = createRedis(testConfig())
  const gateway = createTestGateway(redis, { processingMs: 200 })
  const usd = (amount: number) => ({ amount, currency: 'USD' })
  const pay = (token: string, key = randomUUID(), amount = 1999) =>
    gateway.createPayment({
      orderId: `order-${key}`,
      amount: usd(amount),
      paymentMethodToken: token,
      idempotencyKey: key,
    })
  afterAll(async () => {
    await redis.quit()
  })

  it('succeeds, declines and reports insufficient funds by card token', async () => {
    expect((await pay('tok_visa')).status).toBe('succeeded')
    expect(await pay('tok_chargeDeclined')).toMatchObject({
      status: 'failed',
      declineCode: 'card_declined',
      retryable: false,
    })
    expect(await pay('tok_chargeDeclinedInsufficientFunds')).toMatchObject({
      status: 'failed',
      declineCode: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
      retryable: true,
    })
  })

  it('settles a processing payment after its processing time', async () => {
    const pending = await pay('tok_processing')
    expect(pending.status).toBe('pending')
    expect((await gateway.getPayment(pending.intentId)).status).toBe('pending')
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect((await gateway.getPayment(pending.intentId)).status).toBe('succeeded')
  })

  it('simulates an outage as a retryable gateway error, not a decline', async () => {
    await expect(pay('tok_gatewayOutage')).rejects.toBeInstanceOf(GatewayUnavailableError)
  })

  it('refuses a card number or unknown token', async () => {
    await expect(pay('4242424242424242')).rejects.toThrow(/unknown card token/)
  })

  it('charges once for 20 concurrent requests with one idempotency key', async () => {
    const key = randomUUID()
    const results = await Promise.all(Array.from({ length: 20 }, () => pay('tok_visa', key)))
    expect(new Set(results.map((r) => r.intentId)).size).toBe(1)
    expect(results.every((r) => r.status === 'succeeded')).toBe(true)
  })

  it('refunds partial + partial up to the total and refuses one more cent', async () => {
    const payment = await pay('tok_visa', randomUUID(), 5000)
    await gateway.refund({
      intentId: payment.intentId,
      amount: usd(2000),
      idempotencyKey: randomUUID(),
    })
    const second = await gateway.refund({
      intentId: payment.intentId,
      amount: usd(3000),
      idempotencyKey: randomUUID(),
    })
    expect(second).toMatchObject({ status: 'succeeded', amount: usd(3000) })
    await expect(
      gateway.refund({ intentId: payment.intentId, amount: usd(1), idempotencyKey: randomUUID() }),
    ).rejects.toThrow(/exceeds the 0 left/)
  })

  it('applies a retried refund once', async () => {
    const payment = await pay('tok_visa', randomUUID(), 1000)
    const key = randomUUID()
    const first = await gateway.refund({
      intentId: payment.intentId,
      amount: usd(600),
      idempotencyKey: key,
    })
    const again = await gateway.refund({
      intentId: payment.intentId,
      amount: usd(600),
      idempotencyKey: key,
    })
    expect(again.refundId).toBe(first.refundId)
    // 400 left: a second refund of 600 with a new key must fail, proving the retry did not refund twice.
    await expect(
      gateway.refund({
        intentId: payment.intentId,
        amount: usd(600),
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toThrow(/exceeds/)
  })

  it('never refunds more than was paid when refunds with different keys race', async () => {
    const payment = await pay('tok_visa', randomUUID(), 1000)
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        gateway.refund({
          intentId: payment.intentId,
          amount: usd(300),
          idempotencyKey: randomUUID(),
        }),
      ),
    )
    // 1000 paid: three refunds of 300 fit, the fourth would exceed it.
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(3)
    const refused = attempts.filter((a) => a.status === 'rejected')
    expect(refused).toHaveLength(5)
    expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(
      /refund of 300 exceeds the 100 left/,
    )
  })

  it('cancels a pending payment and refuses to cancel a succeeded one', async () => {
    const pending = await pay('tok_processing')
    expect((await gateway.cancelPayment(pending.intentId, randomUUID())).status).toBe('cancelled')
    expect((await gateway.cancelPayment(pending.intentId, randomUUID())).status).toBe('cancelled')
    const paid = await pay('tok_visa')
    await expect(gateway.cancelPayment(paid.intentId, randomUUID())).rejects.toThrow(
      /refund it instead/,
    )
  })
})
