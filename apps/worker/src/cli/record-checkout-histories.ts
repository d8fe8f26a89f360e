// Records replay fixtures of checkoutWorkflow (happy and compensating paths) for record-histories.
// The runs create their own shopper, stock and cart rows, as the checkout tests do.
import { writeFile } from 'node:fs/promises'
import type { Db } from '@emporium/db'
import { insertTestUser } from '@emporium/db/testing'
import type { Logger, Redis, TemporalClient } from '@emporium/infra'
import {
  cancelCheckoutUpdate,
  checkoutProgressQuery,
  checkoutWorkflowId,
  fraudReviewSignal,
  WORKFLOW_TYPES,
  type CheckoutInput,
} from '@emporium/workflows'
import type { checkoutWorkflow } from '@emporium/workflows/workflows'
import { historiesDir, historyToFixture } from '../replay/history-fixtures'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutCoupon,
  insertCheckoutVariant,
} from '../testing/checkout-fixtures'
import { createRiskyCheckout } from '../testing/fraud-review-fixtures'

/** Processing time of the recorder's test gateway: long enough to cancel a pending payment first. */
export const RECORDER_PROCESSING_MS = 3_000

export const CHECKOUT_FIXTURES = [
  'checkout-workflow',
  'checkout-workflow-payment-declined',
  'checkout-workflow-customer-cancelled',
  'checkout-workflow-fraud-review',
] as const

type Fixture = (typeof CHECKOUT_FIXTURES)[number]

/** Runs one checkout per wanted fixture on `taskQueue` (a worker with checkout activities polls it). */
export async function recordCheckoutHistories(deps: {
  client: TemporalClient
  db: Db
  redis: Redis
  logger: Logger
  taskQueue: string
  wanted: (fixture: string) => boolean
}): Promise<void> {
  const { client, db, redis, logger, taskQueue } = deps

  async function run(
    fixture: Fixture,
    token: string,
    timeouts: CheckoutInput['timeouts'],
    cancel = false,
  ) {
    const v = await insertCheckoutVariant(db, 2_000, 5)
    const coupon = await insertCheckoutCoupon(db, 500)
    const shopper = await createCheckoutShopper(db, redis, [{ ...v, quantity: 2 }], {
      couponCodes: [coupon.code],
    })
    const input = checkoutInputFor(shopper, token, timeouts)
    const handle = await client.workflow.start<typeof checkoutWorkflow>(WORKFLOW_TYPES.checkout, {
      taskQueue,
      workflowId: checkoutWorkflowId(input.cartId),
      args: [input],
    })
    if (cancel) {
      while ((await handle.query(checkoutProgressQuery)).stage !== 'awaiting_payment')
        await new Promise((resolve) => setTimeout(resolve, 50))
      await handle.executeUpdate(cancelCheckoutUpdate, { args: [{ reason: 'Changed my mind.' }] })
    }
    const result = await handle.result()
    const file = new URL(`${fixture}.json`, historiesDir)
    await writeFile(file, historyToFixture(await handle.fetchHistory()))
    logger.info(
      { workflowId: handle.workflowId, status: result.status, file: file.pathname },
      'history recorded',
    )
  }

  /** A risky order held for review, approved by an administrator, then paid. */
  async function runHeldForReview(fixture: Fixture) {
    const { input } = await createRiskyCheckout(db, redis, 'tok_visa')
    const admin = await insertTestUser(db, 'admin')
    const handle = await client.workflow.start<typeof checkoutWorkflow>(WORKFLOW_TYPES.checkout, {
      taskQueue,
      workflowId: checkoutWorkflowId(input.cartId),
      args: [input],
    })
    while ((await handle.query(checkoutProgressQuery)).stage !== 'held_for_review')
      await new Promise((resolve) => setTimeout(resolve, 50))
    await handle.signal(fraudReviewSignal, { decision: 'approve', adminId: admin.id })
    const result = await handle.result()
    const file = new URL(`${fixture}.json`, historiesDir)
    await writeFile(file, historyToFixture(await handle.fetchHistory()))
    logger.info(
      { workflowId: handle.workflowId, status: result.status, file: file.pathname },
      'history recorded',
    )
  }

  if (deps.wanted('checkout-workflow'))
    await run('checkout-workflow', 'tok_processing', { paymentPollIntervalMs: 500 })
  if (deps.wanted('checkout-workflow-payment-declined'))
    await run('checkout-workflow-payment-declined', 'tok_chargeDeclined', { maxPaymentAttempts: 1 })
  if (deps.wanted('checkout-workflow-customer-cancelled'))
    await run(
      'checkout-workflow-customer-cancelled',
      'tok_processing',
      { paymentPollIntervalMs: 60_000, paymentTimeoutMs: 120_000 },
      true,
    )
  if (deps.wanted('checkout-workflow-fraud-review'))
    await runHeldForReview('checkout-workflow-fraud-review')
}
