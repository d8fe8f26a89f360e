import { findCustomerOrder } from '@emporium/db'
import { checkoutWorkflowId } from '@emporium/workflows'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import { createCheckoutHarness, type CheckoutHarness } from './testing/checkout-harness'
import { uniqueTaskQueue } from './testing/temporal'

// Temporal keeps every activity's input and result in the workflow history: data at rest outside
// our database, readable in the Temporal UI. The shopper's address must not be readable there.
describe(
  'checkout keeps the shipping address out of the workflow history',
  { timeout: 180_000 },
  () => {
    let h: CheckoutHarness
    beforeAll(async () => {
      h = await createCheckoutHarness()
    })
    afterAll(async () => h?.close())

    it('the history holds the address sealed; the order still gets it whole', async () => {
      const taskQueue = uniqueTaskQueue('checkout-pii')
      const v = await insertCheckoutVariant(h.db, 1_500, 3)
      const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
      const input = checkoutInputFor(shopper, 'tok_visa')
      const worker = await h.worker(taskQueue)
      const result = await worker.runUntil(async () => (await h.start(taskQueue, input)).result())
      expect(result.status).toBe('paid')

      const history = await h.env.client.workflow
        .getHandle(checkoutWorkflowId(input.cartId))
        .fetchHistory()
      const raw = JSON.stringify(history)
      const payloads = (history.events ?? [])
        .flatMap((e) => [
          ...(e.activityTaskScheduledEventAttributes?.input?.payloads ?? []),
          ...(e.activityTaskCompletedEventAttributes?.result?.payloads ?? []),
        ])
        .map((p) => Buffer.from(p.data ?? new Uint8Array()).toString('utf8'))
        .join('\n')
      // The test really looks at the plan: its totals are in the clear.
      expect(payloads).toContain('"totalMinor"')
      for (const text of [payloads, raw]) {
        expect(text).not.toContain('Analytical Way')
        expect(text).not.toContain('Ada Lovelace')
        expect(text).not.toContain('10001')
      }
      expect(payloads).toContain('"country":"US"')

      const order = await h.orderOf(input.idempotencyKey)
      const detail = await findCustomerOrder(h.db, h.pii, shopper.userId, order!.id)
      expect(detail?.order.shipping_address).toMatchObject({
        fullName: 'Ada Lovelace',
        line1: '1 Analytical Way',
        city: 'New York',
        postalCode: '10001',
        country: 'US',
      })
    })
  },
)
