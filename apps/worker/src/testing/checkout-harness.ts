import { openShippingAddress, type Db } from '@emporium/db'
import { createTestDb } from '@emporium/db/testing'
import {
  createLogger,
  createRedis,
  createTestGateway,
  piiKeyRingOf,
  type PaymentGateway,
  type Redis,
} from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import {
  checkoutWorkflowId,
  CUSTOMER_ID_ATTRIBUTE,
  checkoutProgressQuery,
  WORKFLOW_TYPES,
  type CheckoutInput,
  type CheckoutStage,
} from '@emporium/workflows'
import type { checkoutWorkflow } from '@emporium/workflows/workflows'
import type { WorkflowHandle } from '@temporalio/client'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { expect } from 'vitest'
import { createCheckoutActivities } from '../activities/checkout-activities'
import { createWorker } from '../worker'
import { testWorkflowBundle } from './temporal'

/** Real Temporal dev server, Postgres and Redis for checkout tests, plus readers of the end state. */
export async function createCheckoutHarness() {
  const config = testConfig()
  const env = await TestWorkflowEnvironment.createFromExistingServer({
    address: config.TEMPORAL_ADDRESS,
    namespace: config.TEMPORAL_NAMESPACE,
  })
  const db: Db = await createTestDb(config.DATABASE_URL)
  const redis: Redis = createRedis(config)
  const logger = createLogger(config, 'checkout-test')
  const pii = piiKeyRingOf(config)

  /** A worker on `taskQueue` with the checkout activities over `gateway` (the test gateway by default). */
  async function worker(taskQueue: string, gateway?: PaymentGateway) {
    return createWorker({
      connection: env.nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue,
      activities: createCheckoutActivities({
        db,
        pii,
        redis,
        logger,
        paymentGateway: gateway ?? createTestGateway(redis, { processingMs: 1_000 }),
      }),
      workflowBundle: await testWorkflowBundle(),
    })
  }

  /** Starts a checkout the way the API does: id from the cart, customer search attribute set. */
  function start(taskQueue: string, input: CheckoutInput) {
    return env.client.workflow.start<typeof checkoutWorkflow>(WORKFLOW_TYPES.checkout, {
      taskQueue,
      workflowId: checkoutWorkflowId(input.cartId),
      args: [input],
      typedSearchAttributes: [{ key: CUSTOMER_ID_ATTRIBUTE, value: input.userId }],
    })
  }

  /** The order of a checkout, its shipping snapshot opened. */
  const orderOf = async (idempotencyKey: string) => {
    const order = await db
      .selectFrom('orders')
      .selectAll()
      .where('idempotency_key', '=', idempotencyKey)
      .executeTakeFirst()
    return order && { ...order, shipping_address: openShippingAddress(pii, order) }
  }

  const paymentsOf = (orderId: string) =>
    db
      .selectFrom('payments')
      .select([
        'gateway',
        'status',
        'amount_minor',
        'captured_minor',
        'currency',
        'failure_code',
        'idempotency_key',
        'intent_id',
      ])
      .where('order_id', '=', orderId)
      .orderBy('created_at')
      .orderBy('idempotency_key')
      .execute()

  async function stockOf(variantId: string) {
    const row = await db
      .selectFrom('inventory_levels')
      .select(['on_hand', 'reserved'])
      .where('variant_id', '=', variantId)
      .executeTakeFirstOrThrow()
    return { onHand: row.on_hand, reserved: row.reserved }
  }

  async function couponOf(couponId: number) {
    const coupon = await db
      .selectFrom('coupons')
      .select('times_redeemed')
      .where('id', '=', couponId)
      .executeTakeFirstOrThrow()
    const redemptions = await db
      .selectFrom('coupon_redemptions')
      .select(['order_id', 'discount_minor'])
      .where('coupon_id', '=', couponId)
      .execute()
    return { timesRedeemed: coupon.times_redeemed, redemptions }
  }

  const eventsOf = async (orderId: string) =>
    (
      await db
        .selectFrom('outbox')
        .select('event_type')
        .where('aggregate_type', '=', 'order')
        .where('aggregate_id', '=', orderId)
        .orderBy('id')
        .execute()
    ).map((e) => e.event_type)

  const historyOf = async (orderId: string) =>
    (
      await db
        .selectFrom('order_status_history')
        .select(['from_status', 'to_status'])
        .where('order_id', '=', orderId)
        .orderBy('id')
        .execute()
    ).map((h) => `${h.from_status ?? '∅'}→${h.to_status}`)

  /** Payloads of the order's `order.payment_failed` events, oldest first. */
  const paymentFailedPayloadsOf = async (orderId: string) =>
    (
      await db
        .selectFrom('outbox')
        .select('payload')
        .where('aggregate_id', '=', orderId)
        .where('event_type', '=', 'order.payment_failed')
        .orderBy('id')
        .execute()
    ).map((e) => e.payload)

  async function close() {
    await redis.quit()
    await db.destroy()
    await env.teardown()
  }

  return {
    config,
    env,
    db,
    redis,
    logger,
    pii,
    worker,
    start,
    orderOf,
    paymentsOf,
    stockOf,
    couponOf,
    eventsOf,
    historyOf,
    paymentFailedPayloadsOf,
    close,
  }
}

/** Waits until the checkout's progress query reports `stage`. */
export async function untilStage(
  handle: WorkflowHandle<typeof checkoutWorkflow>,
  stage: CheckoutStage,
  timeoutMs: number,
) {
  await expect
    .poll(async () => (await handle.query(checkoutProgressQuery)).stage, {
      timeout: timeoutMs,
      interval: 100,
    })
    .toBe(stage)
}

/** The result of a checkout that cancelled its order with `failure`. */
export function cancelledResult(
  order: { id: string; number: number | string },
  failure: { code: string; message: string },
) {
  return { status: 'cancelled', orderId: order.id, orderNumber: Number(order.number), failure }
}

export type CheckoutHarness = Awaited<ReturnType<typeof createCheckoutHarness>>
