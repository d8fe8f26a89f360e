// Records the replay fixtures of refundWorkflow (refunded, and refused by the gateway with the hold
// given back) and paymentReconciliationWorkflow for record-histories, over orders of their own.
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import type { Db } from '@emporium/db'
import { insertPaidTestOrder } from '@emporium/db/testing'
import { createTestGateway, type Logger, type Redis, type TemporalClient } from '@emporium/infra'
import { refundWorkflowId, WORKFLOW_TYPES, type RefundInput } from '@emporium/workflows'
import type { paymentReconciliationWorkflow, refundWorkflow } from '@emporium/workflows/workflows'
import type { WorkflowHandle } from '@temporalio/client'
import { historiesDir, historyToFixture } from '../replay/history-fixtures'

export const PAYMENT_FIXTURES = [
  'refund-workflow',
  // Recorded after patched('refund-search-attributes'): the refund's searchable amount and status.
  'refund-workflow-searchable',
  'refund-workflow-gateway-refused',
  'payment-reconciliation-workflow',
] as const

/** Runs refunds and a reconciliation sweep once each and stores their histories (when wanted). */
export async function recordPaymentHistories(options: {
  client: TemporalClient
  db: Db
  redis: Redis
  logger: Logger
  taskQueue: string
  wanted: (fixture: string) => boolean
}): Promise<void> {
  const { client, db, redis, logger, taskQueue, wanted } = options

  async function save(fixture: string, handle: WorkflowHandle): Promise<void> {
    const file = new URL(`${fixture}.json`, historiesDir)
    await writeFile(file, historyToFixture(await handle.fetchHistory()))
    logger.info({ workflowId: handle.workflowId, file: file.pathname }, 'history recorded')
  }

  /** A paid order whose payment was captured at the test gateway (`atGateway` of its 10,000). */
  async function paidOrder(atGateway: number) {
    const payment = await createTestGateway(redis).createPayment({
      orderId: randomUUID(),
      amount: { amount: atGateway, currency: 'USD' },
      paymentMethodToken: 'tok_visa',
      idempotencyKey: randomUUID(),
    })
    return insertPaidTestOrder(db, { intentId: payment.intentId })
  }

  async function refund(fixture: string, atGateway: number): Promise<string> {
    const order = await paidOrder(atGateway)
    const input: RefundInput = {
      orderId: order.orderId,
      requestKey: `${order.orderId}:${randomUUID()}`,
      items: [{ orderItemId: order.itemIds[0], quantity: 1 }],
      restock: true,
      reason: 'history',
      requestedBy: null,
      actor: 'admin:history',
    }
    const handle = await client.workflow.start<typeof refundWorkflow>(WORKFLOW_TYPES.refund, {
      taskQueue,
      workflowId: refundWorkflowId(input.requestKey),
      args: [input],
    })
    await handle.result()
    await save(fixture, handle)
    return order.orderId
  }

  const orderIds: string[] = []
  if (wanted('refund-workflow')) orderIds.push(await refund('refund-workflow', 10_000))
  if (wanted('refund-workflow-searchable')) {
    orderIds.push(await refund('refund-workflow-searchable', 10_000))
  }
  // The gateway holds only 1,000 of this payment, so it refuses the refund of 2,500.
  if (wanted('refund-workflow-gateway-refused')) {
    orderIds.push(await refund('refund-workflow-gateway-refused', 1_000))
  }
  if (wanted('payment-reconciliation-workflow')) {
    if (orderIds.length === 0) orderIds.push((await paidOrder(10_000)).orderId)
    const handle = await client.workflow.start<typeof paymentReconciliationWorkflow>(
      WORKFLOW_TYPES.paymentReconciliation,
      {
        taskQueue,
        workflowId: `history-${randomUUID()}`,
        args: [{ lookbackMs: 3600_000, minAgeMs: 0, batchSize: 1, maxBatches: 5, orderIds }],
      },
    )
    await handle.result()
    await save('payment-reconciliation-workflow', handle)
  }
}
