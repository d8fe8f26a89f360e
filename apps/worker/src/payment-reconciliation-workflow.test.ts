import { randomUUID } from 'node:crypto'
import { createDb, type Db, type OrderStatus } from '@emporium/db'
import { insertTestOrder, insertTestUser } from '@emporium/db/testing'
import {
  createLogger,
  createPaymentGateway,
  createRedis,
  createTestGateway,
  type Redis,
} from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import {
  checkoutWorkflowId,
  WORKFLOW_TYPES,
  type PaymentReconciliationInput,
  type PaymentReconciliationResult,
} from '@emporium/workflows'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import type { Worker } from '@temporalio/worker'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPaymentReconciliationActivities } from './activities/payment-reconciliation-activities'
import { testWorkflowBundle, uniqueTaskQueue } from './testing/temporal'
import { paymentReconciliationSchedule } from './schedules/payment-reconciliation-schedule'
import { ensureSchedule, scheduleIdFor } from './schedules/ensure-schedules'
import { createWorker } from './worker'

describe('paymentReconciliationWorkflow on the Temporal dev server', () => {
  const config = testConfig()
  let env: TestWorkflowEnvironment
  let db: Db
  let redis: Redis
  let worker: Worker
  let running: Promise<void>
  const taskQueue = uniqueTaskQueue('reconciliation')
  // Checkouts started here stay open (nothing polls this queue), like checkouts still waiting for a payment.
  const idleQueue = uniqueTaskQueue('idle-checkouts')
  const checkouts: string[] = []

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createFromExistingServer({
      address: config.TEMPORAL_ADDRESS,
      namespace: config.TEMPORAL_NAMESPACE,
    })
    db = createDb(config.DATABASE_URL, 5)
    redis = createRedis(config)
    worker = await createWorker({
      connection: env.nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      activities: createPaymentReconciliationActivities({
        db,
        logger: createLogger(config, 'reconciliation-test'),
        paymentGateway: createPaymentGateway(undefined, redis),
      }),
      workflowBundle: await testWorkflowBundle(),
    })
    running = worker.run()
  })
  afterAll(async () => {
    await Promise.allSettled(
      checkouts.map((id) => env.client.workflow.getHandle(id).terminate('test over')),
    )
    worker?.shutdown()
    await running
    await redis?.quit()
    await db?.destroy()
    await env?.teardown()
  })

  /** An order in `status` with a payment made at the test gateway with `token`. */
  async function craft(status: OrderStatus, token: string, checkout: 'running' | 'gone' = 'gone') {
    const payment = await createTestGateway(redis).createPayment({
      orderId: randomUUID(),
      amount: { amount: 10_000, currency: 'USD' },
      paymentMethodToken: token,
      idempotencyKey: randomUUID(),
    })
    const user = await insertTestUser(db)
    const workflowId = checkoutWorkflowId(randomUUID())
    const order = await insertTestOrder(db, user.id, { status, checkout_workflow_id: workflowId })
    const row = await db
      .insertInto('payments')
      .values({
        order_id: order.id,
        gateway: 'test',
        intent_id: payment.intentId,
        status: status === 'paid' ? 'captured' : 'requires_action',
        amount_minor: 10_000,
        captured_minor: status === 'paid' ? 10_000 : 0,
        currency: 'USD',
        idempotency_key: randomUUID(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (checkout === 'running') {
      await env.client.workflow.start(WORKFLOW_TYPES.checkout, {
        taskQueue: idleQueue,
        workflowId,
        args: [],
        workflowExecutionTimeout: '10 minutes',
      })
      checkouts.push(workflowId)
    }
    return { orderId: order.id, paymentId: row.id, intentId: payment.intentId, workflowId }
  }

  const sweep = (orderIds: string[]): Promise<PaymentReconciliationResult> => {
    const input: PaymentReconciliationInput = {
      lookbackMs: 3600_000,
      minAgeMs: 0,
      batchSize: 2,
      maxBatches: 10,
      orderIds,
    }
    return env.client.workflow.execute(WORKFLOW_TYPES.paymentReconciliation, {
      taskQueue,
      workflowId: `reconciliation-test-${randomUUID()}`,
      args: [input],
    })
  }
  const findings = (orderIds: string[]) =>
    db
      .selectFrom('payment_reconciliation_findings')
      .select(['order_id', 'kind', 'action', 'gateway_status', 'resolved_at', 'detail'])
      .where('order_id', 'in', orderIds)
      .orderBy('id')
      .execute()

  it('repairs, flags and later resolves mismatches between gateway and orders', async () => {
    const repairable = await craft('pending', 'tok_visa', 'running')
    const orderWriteFailed = await craft('pending', 'tok_visa', 'gone')
    const paidWithoutMoney = await craft('paid', 'tok_chargeDeclined')
    const consistent = await craft('paid', 'tok_visa')
    const cancelledButCharged = await craft('cancelled', 'tok_visa')
    const ids = [
      repairable,
      orderWriteFailed,
      paidWithoutMoney,
      consistent,
      cancelledButCharged,
    ].map((c) => c.orderId)

    expect(await sweep(ids)).toEqual({
      checked: 5,
      signalled: 1,
      flagged: 2,
      refunded: 1,
      resolved: 0,
      batches: 3,
    })
    const found = await findings(ids)
    const byOrder = (orderId: string) => found.filter((f) => f.order_id === orderId)
    expect(byOrder(repairable.orderId)).toMatchObject([
      { kind: 'gateway_succeeded_order_unpaid', action: 'signalled_checkout' },
    ])
    expect(byOrder(orderWriteFailed.orderId)).toMatchObject([
      { kind: 'gateway_succeeded_order_unpaid', action: 'flagged', gateway_status: 'succeeded' },
    ])
    expect(byOrder(orderWriteFailed.orderId)[0]?.detail).toMatch(/order write failed/)
    expect(byOrder(paidWithoutMoney.orderId)).toMatchObject([
      { kind: 'order_paid_gateway_not_succeeded', action: 'flagged', gateway_status: 'failed' },
    ])
    // The charge that landed after its order was cancelled is given back, not left for a person.
    expect(byOrder(cancelledButCharged.orderId)).toMatchObject([
      {
        kind: 'gateway_succeeded_order_unpaid',
        action: 'refunded',
        resolved_at: expect.any(Date) as Date,
      },
    ])
    const atGateway = JSON.parse(
      (await redis.get(`tgw:intent:${cancelledButCharged.intentId}`)) ?? '{}',
    ) as { refundedMinor?: number }
    expect(atGateway.refundedMinor).toBe(10_000)
    expect(
      await db
        .selectFrom('refunds')
        .select(['amount_minor', 'status'])
        .where('payment_id', '=', cancelledButCharged.paymentId)
        .execute(),
    ).toEqual([{ amount_minor: 10_000, status: 'succeeded' }])
    expect(
      await db
        .selectFrom('payments')
        .select(['status', 'captured_minor', 'refunded_minor'])
        .where('id', '=', cancelledButCharged.paymentId)
        .executeTakeFirst(),
    ).toEqual({ status: 'refunded', captured_minor: 10_000, refunded_minor: 10_000 })
    expect(
      await db
        .selectFrom('outbox')
        .select('event_type')
        .where('aggregate_id', '=', cancelledButCharged.orderId)
        .execute(),
    ).toEqual([{ event_type: 'order.refunded' }])
    expect(byOrder(consistent.orderId)).toEqual([])

    // The running checkout received the gateway's result as a payment-result signal.
    const history = await env.client.workflow.getHandle(repairable.workflowId).fetchHistory()
    const signals = (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes)
    expect(signals.map((e) => e.workflowExecutionSignaledEventAttributes?.signalName)).toEqual([
      'paymentResult',
    ])
    // A flagged order carries a note in its status history for whoever opens it.
    const notes = await db
      .selectFrom('order_status_history')
      .select(['actor', 'note'])
      .where('order_id', '=', paidWithoutMoney.orderId)
      .execute()
    expect(notes).toEqual([
      {
        actor: 'payment-reconciliation',
        note: expect.stringMatching(/^Needs attention: Order is paid/) as string,
      },
    ])

    // The next sweep does not repeat open findings; once the order is put right, its finding closes.
    await db
      .updateTable('orders')
      .set({ status: 'paid' })
      .where('id', '=', orderWriteFailed.orderId)
      .execute()
    // ...and the refunded charge is not refunded again.
    expect(await sweep(ids)).toMatchObject({ checked: 5, flagged: 0, refunded: 0, resolved: 1 })
    const after = await findings(ids)
    expect(after).toHaveLength(found.length)
    expect(after.find((f) => f.order_id === orderWriteFailed.orderId)?.resolved_at).toBeInstanceOf(
      Date,
    )
    expect(
      await db
        .selectFrom('order_status_history')
        .select('id')
        .where('order_id', '=', paidWithoutMoney.orderId)
        .execute(),
    ).toHaveLength(1)
  })

  it('is scheduled every 15 minutes, one sweep at a time', async () => {
    const options = paymentReconciliationSchedule(taskQueue, scheduleIdFor)
    expect(options.scheduleId).toBe(`payment-reconciliation-${taskQueue}`)
    expect(await ensureSchedule(env.client, options)).toBe('created')
    const handle = env.client.schedule.getHandle(options.scheduleId)
    try {
      expect(await ensureSchedule(env.client, options)).toBe('updated')
      const described = await handle.describe()
      expect(described.spec.intervals?.map((i) => i.every)).toEqual([15 * 60_000])
      expect(described.action).toMatchObject({
        type: 'startWorkflow',
        workflowType: WORKFLOW_TYPES.paymentReconciliation,
        taskQueue,
      })
      expect(described.policies.overlap).toBe('SKIP')
    } finally {
      await handle.delete()
    }
  })
})
