import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { TEST_ENV } from '@emporium/infra/testing'
import { checkoutProgressQuery } from '@emporium/workflows'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutVariant,
} from './testing/checkout-fixtures'
import { createCheckoutHarness, type CheckoutHarness } from './testing/checkout-harness'
import { testWorkflowBundle, uniqueTaskQueue } from './testing/temporal'

const workerScript = fileURLToPath(new URL('./testing/checkout-worker-process.ts', import.meta.url))

// Real workflows on a shared, often busy machine: a generous budget per test.
describe('checkoutWorkflow survives a killed worker process', { timeout: 180_000 }, () => {
  let h: CheckoutHarness
  let bundleFile: string
  const children: ChildProcess[] = []
  beforeAll(async () => {
    h = await createCheckoutHarness()
    bundleFile = join(tmpdir(), `checkout-bundle-${randomUUID()}.js`)
    await writeFile(bundleFile, (await testWorkflowBundle()).code)
  })
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
    await h?.close()
  })

  /** Starts a worker process on `taskQueue` and waits until it polls. */
  async function workerProcess(taskQueue: string): Promise<ChildProcess> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', workerScript, taskQueue, bundleFile, '8000'],
      {
        env: { ...process.env, ...TEST_ENV, DATABASE_URL: h.config.DATABASE_URL },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    children.push(child)
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    for (let i = 0; i < 600 && !output.includes('ready'); i++) await sleep(50)
    expect(output).toContain('ready')
    return child
  }

  /** Gateway intents the test gateway holds for an order (each one a charge attempt). */
  async function gatewayIntentsOf(orderId: string): Promise<string[]> {
    const found: string[] = []
    let cursor = '0'
    do {
      const [next, keys] = await h.redis.scan(cursor, 'MATCH', 'tgw:intent:*', 'COUNT', 1000)
      cursor = next
      const values = keys.length > 0 ? await h.redis.mget(...keys) : []
      for (const raw of values) {
        const intent = raw
          ? (JSON.parse(raw) as { id: string; orderId: string; status: string })
          : null
        if (intent?.orderId === orderId) found.push(intent.status)
      }
    } while (cursor !== '0')
    return found
  }

  it('SIGKILL while the payment is processing: a new worker process completes the checkout once', async () => {
    const taskQueue = uniqueTaskQueue('checkout-crash')
    const v = await insertCheckoutVariant(h.db, 2_500, 5)
    const shopper = await createCheckoutShopper(h.db, h.redis, [{ ...v, quantity: 1 }])
    const input = checkoutInputFor(shopper, 'tok_processing', { paymentTimeoutMs: 120_000 })

    const first = await workerProcess(taskQueue)
    const handle = await h.start(taskQueue, input)
    await expect
      .poll(async () => (await handle.query(checkoutProgressQuery)).stage, {
        timeout: 90_000,
        interval: 100,
      })
      .toBe('awaiting_payment')
    const exited = once(first, 'exit')
    first.kill('SIGKILL')
    await exited

    const order = await h.orderOf(input.idempotencyKey)
    expect(order!.status).toBe('pending')
    expect((await h.paymentsOf(order!.id)).map((p) => p.status)).toEqual(['requires_action'])
    expect(await h.stockOf(v.variantId)).toEqual({ onHand: 5, reserved: 1 })

    await workerProcess(taskQueue)
    const result = await handle.result()
    expect(result).toEqual({
      status: 'paid',
      orderId: order!.id,
      orderNumber: Number(order!.number),
    })

    const orders = await h.db
      .selectFrom('orders')
      .select(['id', 'status'])
      .where('user_id', '=', shopper.userId)
      .execute()
    expect(orders).toEqual([{ id: order!.id, status: 'paid' }])
    expect((await h.paymentsOf(order!.id)).map((p) => [p.status, p.captured_minor])).toEqual([
      ['captured', order!.total_minor],
    ])
    expect(await gatewayIntentsOf(order!.id)).toEqual(['succeeded'])
    expect(await h.stockOf(v.variantId)).toEqual({ onHand: 4, reserved: 0 })
    expect(await h.eventsOf(order!.id)).toEqual(['order.paid'])
  })
})
