// Records replay fixtures of cartAbandonmentWorkflow for record-histories: one run that sends both
// reminders (short waits) and one where cart changes reset the wait until the cart checks out.
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { DEFAULT_CART_SETTINGS, writeCart } from '@emporium/cart'
import type { Db } from '@emporium/db'
import { insertTestUser, insertTestVariant } from '@emporium/db/testing'
import type { Logger, Redis, TemporalClient } from '@emporium/infra'
import {
  cartAbandonmentWorkflowId,
  cartActivitySignal,
  cartClosedSignal,
  WORKFLOW_TYPES,
} from '@emporium/workflows'
import type { cartAbandonmentWorkflow } from '@emporium/workflows/workflows'
import { historiesDir, historyToFixture } from '../replay/history-fixtures'

export const CART_ABANDONMENT_FIXTURES = [
  'cart-abandonment-workflow',
  'cart-abandonment-workflow-checked-out',
] as const

/** A signed-in shopper's Redis cart with one line. */
async function shopperCart(db: Db, redis: Redis): Promise<string> {
  const user = await insertTestUser(db)
  const { variantId, sku } = await insertTestVariant(db)
  const now = new Date()
  const meta = {
    id: randomUUID(),
    currency: 'USD',
    exchangeRate: null,
    exchangeRateDecimal: null,
    couponCodes: [],
    shippingRegion: null,
    userId: user.id,
    createdAt: now.toISOString(),
  }
  const line = {
    variantId,
    sku,
    quantity: 1,
    unitPrice: { amount: 1_000, currency: 'USD' as const },
    lockedUntil: new Date(now.getTime() + 60_000).toISOString(),
  }
  await writeCart(redis, meta, { meta, putLines: [line] }, DEFAULT_CART_SETTINGS)
  return meta.id
}

/** Runs one abandonment workflow per wanted fixture on `taskQueue` (a worker with its activities polls it). */
export async function recordCartAbandonmentHistories(deps: {
  client: TemporalClient
  db: Db
  redis: Redis
  logger: Logger
  taskQueue: string
  wanted: (fixture: string) => boolean
}): Promise<void> {
  const { client, db, redis, logger, taskQueue } = deps
  const start = async (idleMs: number) => {
    const cartId = await shopperCart(db, redis)
    return client.workflow.signalWithStart<typeof cartAbandonmentWorkflow, []>(
      WORKFLOW_TYPES.cartAbandonment,
      {
        taskQueue,
        workflowId: cartAbandonmentWorkflowId(cartId),
        args: [{ cartId, idleMs, secondReminderAfterMs: idleMs }],
        signal: cartActivitySignal,
        signalArgs: [],
      },
    )
  }
  const save = async (fixture: string, handle: Awaited<ReturnType<typeof start>>) => {
    await handle.result()
    const file = new URL(`${fixture}.json`, historiesDir)
    await writeFile(file, historyToFixture(await handle.fetchHistory()))
    logger.info({ workflowId: handle.workflowId, file: file.pathname }, 'history recorded')
  }

  if (deps.wanted('cart-abandonment-workflow')) {
    await save('cart-abandonment-workflow', await start(500))
  }
  if (deps.wanted('cart-abandonment-workflow-checked-out')) {
    const handle = await start(60_000)
    for (let i = 0; i < 2; i++) await handle.signal(cartActivitySignal)
    await handle.signal(cartClosedSignal, { reason: 'checked_out' })
    await save('cart-abandonment-workflow-checked-out', handle)
  }
}
