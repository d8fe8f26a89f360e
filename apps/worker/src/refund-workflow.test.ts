import { randomUUID } from 'node:crypto'
import { createDb, type Db } from '@emporium/db'
import { insertPaidTestOrder, type PaidTestOrder } from '@emporium/db/testing'
import {
  createLogger,
  createPaymentGateway,
  createRedis,
  createStripe,
  createTestGateway,
  type PaymentGateway,
  type Redis,
} from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import {
  refundWorkflowId,
  WORKFLOW_TYPES,
  type RefundInput,
  type RefundOutcome,
} from '@emporium/workflows'
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy } from '@temporalio/client'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import type { Worker } from '@temporalio/worker'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRefundActivities } from './activities/refund-activities'
import { testWorkflowBundle, uniqueTaskQueue } from './testing/temporal'
import { createWorker } from './worker'

describe('refundWorkflow on the Temporal dev server', () => {
  const config = testConfig()
  const logger = createLogger(config, 'refund-test')
  let env: TestWorkflowEnvironment
  let db: Db
  let redis: Redis
  const workers: { worker: Worker; running: Promise<void> }[] = []

  async function startWorker(paymentGateway: PaymentGateway): Promise<string> {
    const taskQueue = uniqueTaskQueue('refund')
    const worker = await createWorker({
      connection: env.nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      activities: createRefundActivities({ db, logger, paymentGateway }),
      workflowBundle: await testWorkflowBundle(),
    })
    workers.push({ worker, running: worker.run() })
    return taskQueue
  }

  let testQueue: string
  let testGateway: PaymentGateway
  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createFromExistingServer({
      address: config.TEMPORAL_ADDRESS,
      namespace: config.TEMPORAL_NAMESPACE,
    })
    db = createDb(config.DATABASE_URL, 5)
    redis = createRedis(config)
    // The gateway the worker uses: the built-in test gateway behind the circuit breaker.
    testGateway = createPaymentGateway(undefined, redis)
    testQueue = await startWorker(testGateway)
  })
  afterAll(async () => {
    for (const { worker } of workers) worker.shutdown()
    await Promise.all(workers.map((w) => w.running))
    await redis?.quit()
    await db?.destroy()
    await env?.teardown()
  })

  /** A paid order whose payment of 10,000 really exists at the test gateway. */
  async function paidOrder(captureAtGateway = 10_000): Promise<PaidTestOrder> {
    const payment = await createTestGateway(redis).createPayment({
      orderId: randomUUID(),
      amount: { amount: captureAtGateway, currency: 'USD' },
      paymentMethodToken: 'tok_visa',
      idempotencyKey: randomUUID(),
    })
    return insertPaidTestOrder(db, { intentId: payment.intentId, gateway: 'test' })
  }

  function refund(
    order: PaidTestOrder,
    fields: Partial<RefundInput>,
    taskQueue = testQueue,
    key = randomUUID(),
  ): Promise<RefundOutcome> {
    const input: RefundInput = {
      orderId: order.orderId,
      requestKey: `${order.orderId}:${key}`,
      restock: false,
      reason: null,
      requestedBy: null,
      actor: 'admin:test',
      ...fields,
    }
    return env.client.workflow.execute(WORKFLOW_TYPES.refund, {
      taskQueue,
      workflowId: refundWorkflowId(input.requestKey),
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      args: [input],
    })
  }
  const payment = (order: PaidTestOrder) =>
    db
      .selectFrom('payments')
      .select(['status', 'refunded_minor'])
      .where('id', '=', order.paymentId)
      .executeTakeFirstOrThrow()

  it('refunds partial + partial up to the total at the gateway, then refuses one more cent', async () => {
    const order = await paidOrder()
    expect(await refund(order, { amountMinor: 4_000 })).toMatchObject({
      status: 'succeeded',
      amount: { amount: 4_000, currency: 'USD' },
      orderStatus: 'partially_refunded',
    })
    expect(await refund(order, { amountMinor: 6_000 })).toMatchObject({
      status: 'succeeded',
      orderStatus: 'refunded',
    })
    expect(await refund(order, { amountMinor: 1 })).toEqual({
      status: 'refused',
      code: 'REFUND_EXCEEDS_REMAINING',
      message: 'Nothing is left to refund: the full $100.00 has already been refunded',
    })
    expect(await payment(order)).toEqual({ status: 'refunded', refunded_minor: 10_000 })
    const refunds = await db
      .selectFrom('refunds')
      .select(['status', 'gateway_refund_id'])
      .where('order_id', '=', order.orderId)
      .execute()
    expect(refunds.map((r) => r.status)).toEqual(['succeeded', 'succeeded'])
    expect(refunds.every((r) => r.gateway_refund_id?.startsWith('tre_'))).toBe(true)
    // The gateway itself holds exactly the two refunds: nothing is left there either.
    await expect(
      createTestGateway(redis).refund({
        intentId: order.intentId,
        amount: { amount: 1, currency: 'USD' },
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toThrow(/exceeds the 0 left/)
  })

  it('starts nothing new for a repeated request', async () => {
    const order = await paidOrder()
    const key = randomUUID()
    const first = await refund(order, { amountMinor: 2_500 }, testQueue, key)
    await expect(refund(order, { amountMinor: 2_500 }, testQueue, key)).rejects.toBeInstanceOf(
      WorkflowExecutionAlreadyStartedError,
    )
    const rows = await db
      .selectFrom('refunds')
      .select('id')
      .where('order_id', '=', order.orderId)
      .execute()
    expect(rows).toEqual([{ id: first.status === 'succeeded' ? first.refundId : 'none' }])
    expect((await payment(order)).refunded_minor).toBe(2_500)
  })

  it('restocks refunded items only when asked', async () => {
    const order = await paidOrder()
    const onHand = async () =>
      (
        await db
          .selectFrom('inventory_levels')
          .select('on_hand')
          .where('variant_id', '=', order.variantId)
          .where('warehouse_id', '=', order.warehouseId)
          .executeTakeFirstOrThrow()
      ).on_hand
    expect(
      await refund(order, {
        items: [{ orderItemId: order.itemIds[0], quantity: 2 }],
        restock: true,
      }),
    ).toMatchObject({ status: 'succeeded', amount: { amount: 5_000 }, restockedUnits: 2 })
    expect(await onHand()).toBe(12)
    expect(
      await refund(order, {
        items: [{ orderItemId: order.itemIds[1], quantity: 1 }],
        restock: false,
      }),
    ).toMatchObject({ status: 'succeeded', orderStatus: 'refunded', restockedUnits: 0 })
    expect(await onHand()).toBe(12)
  })

  it('gives the hold back when the gateway refuses the refund', async () => {
    // The gateway only captured 1,000 of this payment, so it refuses a refund of 5,000.
    const order = await paidOrder(1_000)
    const outcome = await refund(order, { amountMinor: 5_000 })
    expect(outcome).toMatchObject({ status: 'failed' })
    expect(outcome.status === 'failed' && outcome.message).toMatch(/refused the refund: .*exceeds/)
    expect(await payment(order)).toEqual({ status: 'captured', refunded_minor: 0 })
  })

  it('refunds through Stripe (stripe-mock)', async () => {
    const stripeQueue = await startWorker(createPaymentGateway(createStripe(config), redis))
    const order = await insertPaidTestOrder(db, {
      intentId: `pi_${randomUUID().replaceAll('-', '')}`,
      gateway: 'stripe',
    })
    const outcome = await refund(order, { amountMinor: 700 }, stripeQueue)
    expect(outcome).toMatchObject({ status: 'succeeded', amount: { amount: 700, currency: 'USD' } })
    const row = await db
      .selectFrom('refunds')
      .select(['status', 'gateway_refund_id'])
      .where('order_id', '=', order.orderId)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('succeeded')
    expect(row.gateway_refund_id).toMatch(/^re_/)
  })
})
