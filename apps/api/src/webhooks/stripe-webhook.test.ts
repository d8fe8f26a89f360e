import { randomUUID } from 'node:crypto'
import { insertTestOrder, insertTestUser } from '@emporium/db/testing'
import { createStripe, type Stripe, type TemporalClient } from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { checkoutWorkflowId, WORKFLOW_TYPES, type PaymentResultSignal } from '@emporium/workflows'
import { defaultPayloadConverter, type WorkflowHandle } from '@temporalio/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { WEBHOOK_BODY_LIMIT } from './stripe-webhook'

const config = testConfig()
const stripe = createStripe(config) as Stripe
const secret = config.STRIPE_WEBHOOK_SECRET

describe('POST /webhooks/stripe', () => {
  let api: RunningApi
  let temporal: TemporalClient
  const started: WorkflowHandle[] = []
  // No worker polls this queue: a started checkout stays open and every signal it receives is
  // recorded in its history on the real server, which is what these tests read.
  const taskQueue = `webhook-test-${randomUUID()}`

  beforeAll(async () => {
    api = await startApiServer({ config, port: 0, rateLimitNamespace: randomUUID() })
    temporal = await api.deps.temporal()
  })
  afterAll(async () => {
    await Promise.allSettled(started.map((h) => h.terminate('test over')))
    await api.close()
  })

  /** An order with a payment and its running checkout workflow. */
  async function checkout() {
    const user = await insertTestUser(api.deps.db)
    const workflowId = checkoutWorkflowId(randomUUID())
    const order = await insertTestOrder(api.deps.db, user.id, { checkout_workflow_id: workflowId })
    const intentId = `pi_${randomUUID().replaceAll('-', '')}`
    await api.deps.db
      .insertInto('payments')
      .values({
        order_id: order.id,
        gateway: 'stripe',
        intent_id: intentId,
        status: 'requires_action',
        amount_minor: 10_000,
        currency: 'USD',
        idempotency_key: `pay-${randomUUID()}`,
      })
      .execute()
    const handle = await temporal.workflow.start(WORKFLOW_TYPES.checkout, {
      taskQueue,
      workflowId,
      args: [],
      workflowExecutionTimeout: '10 minutes',
    })
    started.push(handle)
    return { order, intentId, handle }
  }

  function event(type: string, intentId: string, created: number, extra: object = {}) {
    return {
      id: `evt_${randomUUID().replaceAll('-', '')}`,
      object: 'event',
      api_version: '2025-01-01',
      created,
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object: { id: intentId, object: 'payment_intent', metadata: {}, ...extra } },
    }
  }

  function post(body: string, signature?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (signature !== undefined) headers['stripe-signature'] = signature
    return fetch(`${api.url}/webhooks/stripe`, { method: 'POST', headers, body })
  }
  const signed = (payload: string, timestamp?: number) =>
    stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp })
  const deliver = (payload: string) => post(payload, signed(payload))

  async function signalsOf(handle: WorkflowHandle): Promise<PaymentResultSignal[]> {
    const history = await handle.fetchHistory()
    return (history.events ?? []).flatMap((e) => {
      const attrs = e.workflowExecutionSignaledEventAttributes
      if (!attrs) return []
      expect(attrs.signalName).toBe('paymentResult')
      return [defaultPayloadConverter.fromPayload<PaymentResultSignal>(attrs.input!.payloads![0]!)]
    })
  }
  const storedEvents = (eventId: string) =>
    api.deps.db
      .selectFrom('webhook_events')
      .select(['event_id', 'processed_at', 'error'])
      .where('event_id', '=', eventId)
      .execute()

  it('refuses a bad signature, a missing one and a stale timestamp, storing nothing', async () => {
    const { intentId, handle } = await checkout()
    const e = event('payment_intent.succeeded', intentId, Math.floor(Date.now() / 1000))
    const payload = JSON.stringify(e)

    const tampered = await post(payload.replace(intentId, 'pi_other'), signed(payload))
    expect(tampered.status).toBe(400)
    expect(((await tampered.json()) as { error: string }).error).toMatch(/signature/i)

    const wrongSecret = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_x' })
    expect((await post(payload, wrongSecret)).status).toBe(400)
    expect((await post(payload)).status).toBe(400)

    const stale = await post(payload, signed(payload, Math.floor(Date.now() / 1000) - 3600))
    expect(stale.status).toBe(400)
    expect(((await stale.json()) as { error: string }).error).toMatch(/tolerance/i)

    expect(await storedEvents(e.id)).toEqual([])
    expect(await signalsOf(handle)).toEqual([])
  })

  it('stores an event delivered 5 times at once once, and signals the checkout once', async () => {
    const { intentId, handle } = await checkout()
    const created = Math.floor(Date.now() / 1000)
    const e = event('payment_intent.succeeded', intentId, created)
    const payload = JSON.stringify(e)
    const responses = await Promise.all(Array.from({ length: 5 }, () => deliver(payload)))
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Record<string, unknown>[]
    expect(bodies.filter((b) => b.signalled === true)).toHaveLength(1)
    expect(bodies.filter((b) => b.duplicate === true)).toHaveLength(4)

    const rows = await storedEvents(e.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]?.processed_at).toBeInstanceOf(Date)
    expect(await signalsOf(handle)).toEqual([
      { intentId, status: 'succeeded', occurredAt: created * 1000 },
    ])
  })

  it('ignores an older failure delivered after a newer success of the same payment', async () => {
    const { intentId, handle } = await checkout()
    const now = Math.floor(Date.now() / 1000)
    const failed = event('payment_intent.payment_failed', intentId, now - 30, {
      last_payment_error: { decline_code: 'insufficient_funds', message: 'Insufficient funds.' },
    })
    const succeeded = event('payment_intent.succeeded', intentId, now)
    // Newest first, then the stale one, then both again as redeliveries.
    for (const e of [succeeded, failed, succeeded, failed, failed]) {
      expect((await deliver(JSON.stringify(e))).status).toBe(200)
    }
    expect(await signalsOf(handle)).toEqual([
      { intentId, status: 'succeeded', occurredAt: now * 1000 },
    ])
    expect((await storedEvents(failed.id))[0]?.error).toMatch(/superseded/)
  })

  it('passes a decline with its code and message, carrying the event time', async () => {
    const { intentId, handle } = await checkout()
    const created = Math.floor(Date.now() / 1000)
    const failed = event('payment_intent.payment_failed', intentId, created, {
      last_payment_error: { decline_code: 'insufficient_funds', message: 'Insufficient funds.' },
    })
    expect((await deliver(JSON.stringify(failed))).status).toBe(200)
    expect(await signalsOf(handle)).toEqual([
      {
        intentId,
        status: 'failed',
        declineCode: 'insufficient_funds',
        message: 'Insufficient funds.',
        occurredAt: created * 1000,
      },
    ])
  })

  it('records a result for a checkout that has already closed and answers 200', async () => {
    const { intentId, handle } = await checkout()
    await handle.terminate('checkout over')
    const e = event('payment_intent.succeeded', intentId, Math.floor(Date.now() / 1000))
    const response = await deliver(JSON.stringify(e))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ received: true, signalled: false })
    const [row] = await storedEvents(e.id)
    expect(row?.processed_at).toBeInstanceOf(Date)
    expect(row?.error).toBe('checkout workflow already closed')
  })

  it('accepts events it does not act on, and payments it does not know', async () => {
    const other = event('customer.created', 'cus_1', Math.floor(Date.now() / 1000))
    expect(await (await deliver(JSON.stringify(other))).json()).toEqual({
      received: true,
      handled: false,
    })
    const unknown = event('payment_intent.succeeded', `pi_${randomUUID()}`, Date.now() / 1000)
    expect((await deliver(JSON.stringify(unknown))).status).toBe(200)
    expect((await storedEvents(unknown.id))[0]?.error).toBe('no order for this payment intent')
  })

  it('refuses an oversized body and other methods', async () => {
    const huge = 'x'.repeat(WEBHOOK_BODY_LIMIT + 1)
    expect((await post(huge, signed(huge))).status).toBe(413)
    expect((await fetch(`${api.url}/webhooks/stripe`)).status).toBe(405)
  })
})
