import { randomUUID } from 'node:crypto'
import { cartKey, userCartKey } from '@emporium/cart'
import { issueRecoveryCoupon } from '@emporium/db'
import {
  createTemporalClient,
  LINK_PATHS,
  signLinkToken,
  type TemporalClient,
} from '@emporium/infra'
import { testConfig } from '@emporium/infra/testing'
import { cartAbandonmentWorkflowId, isolatedTaskQueue } from '@emporium/workflows'
import { WorkflowNotFoundError } from '@temporalio/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf, signIn } from '../testing/api-client'
import { insertCartVariant } from '../testing/catalog-fixtures'
import { createTestUser } from '../testing/users'

const inAWeek = () => Math.floor(Date.now() / 1000) + 7 * 24 * 3600

describe('cart abandonment and notification links (over HTTP)', () => {
  // A task queue no worker polls: the workflow is started and signalled, and waits there.
  const config = testConfig({
    TEMPORAL_TASK_QUEUE: isolatedTaskQueue('emporium', `test-abandonment-${randomUUID()}`),
  })
  let api: RunningApi
  let temporal: TemporalClient
  const started: string[] = []

  beforeAll(async () => {
    api = await startApiServer({ config, port: 0, rateLimitNamespace: randomUUID() })
    temporal = await createTemporalClient(config)
  })
  afterAll(async () => {
    for (const id of started) {
      await temporal.workflow
        .getHandle(id)
        .terminate('test over')
        .catch((error: unknown) => {
          if (!(error instanceof WorkflowNotFoundError)) throw error
        })
    }
    await temporal?.connection.close()
    await api?.close()
  })

  const sign = (purpose: 'cart-restore' | 'unsubscribe', subject: string, kind?: string) =>
    signLinkToken(config.NOTIFICATION_LINK_SECRET, { purpose, subject, kind, exp: inAWeek() })
  const link = (path: string, token: string) =>
    fetch(`${api.url}${path}?token=${encodeURIComponent(token)}`, { redirect: 'manual' })

  /** The signals the workflow received so far, by name, once it exists. */
  async function signalsOf(workflowId: string, count: number): Promise<string[]> {
    const deadline = Date.now() + 10_000
    for (;;) {
      try {
        const history = await temporal.workflow.getHandle(workflowId).fetchHistory()
        const names = (history.events ?? []).flatMap((e) =>
          e.workflowExecutionSignaledEventAttributes?.signalName
            ? [e.workflowExecutionSignaledEventAttributes.signalName]
            : [],
        )
        if (names.length >= count || Date.now() > deadline) return names
      } catch (error) {
        // Not started yet (the API signals in the background): a NOT_FOUND until it is.
        if (Date.now() > deadline) throw error
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  it('starts the abandonment workflow on a cart change, signals later changes, and the restore link brings the cart back', async () => {
    const user = await createTestUser(api.deps.db)
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 900 }, stock: [5] })
    const shopper = await signIn(api.url, user.email, user.password)
    const cart = await shopper.client.cart.addLine.mutate({
      variantId: variant.variantId,
      quantity: 1,
    })
    const workflowId = cartAbandonmentWorkflowId(cart.id!)
    started.push(workflowId)
    expect(await signalsOf(workflowId, 1)).toEqual(['activity'])
    const described = await temporal.workflow.getHandle(workflowId).describe()
    expect(described).toMatchObject({
      type: 'cartAbandonmentWorkflow',
      status: { name: 'RUNNING' },
    })

    await shopper.client.cart.updateLine.mutate({ variantId: variant.variantId, quantity: 2 })
    expect(await signalsOf(workflowId, 2)).toEqual(['activity', 'activity'])

    // The cart expires from Redis; the link in the reminder restores it from its saved copy.
    await api.deps.redis.del(cartKey(cart.id!), userCartKey(user.id))
    expect((await shopper.client.cart.get.query()).lines).toEqual([])
    const response = await link(LINK_PATHS.cartRestore, sign('cart-restore', cart.id!))
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(`${config.WEB_ORIGIN}/cart`)
    const restored = await shopper.client.cart.get.query()
    expect(restored.id).toBe(cart.id)
    expect(restored.lines.map((l) => [l.variantId, l.quantity])).toEqual([[variant.variantId, 2]])

    // Emptying the cart stops the reminders.
    await shopper.client.cart.removeLine.mutate({ variantId: variant.variantId })
    expect(await signalsOf(workflowId, 3)).toEqual(['activity', 'activity', 'closed'])
  })

  it("sets a guest's cart cookie from a restore link, and refuses a forged or expired one", async () => {
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 400 }, stock: [5] })
    const guest = createTestClient(api.url)
    const cart = await guest.client.cart.addLine.mutate({
      variantId: variant.variantId,
      quantity: 3,
    })

    const response = await link(LINK_PATHS.cartRestore, sign('cart-restore', cart.id!))
    expect(response.status).toBe(302)
    expect(response.headers.getSetCookie().join()).toContain(`emp_cart=${cart.id}`)
    const otherDevice = createTestClient(api.url)
    otherDevice.setCookie('emp_cart', cart.id!)
    expect((await otherDevice.client.cart.get.query()).lines.map((l) => l.quantity)).toEqual([3])

    const forged = sign('cart-restore', cart.id!).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    expect((await link(LINK_PATHS.cartRestore, forged)).status).toBe(400)
    const expired = signLinkToken(config.NOTIFICATION_LINK_SECRET, {
      purpose: 'cart-restore',
      subject: cart.id!,
      exp: Math.floor(Date.now() / 1000) - 1,
    })
    expect((await link(LINK_PATHS.cartRestore, expired)).status).toBe(400)
    const unsubscribeToken = sign('unsubscribe', cart.id!, 'cart_reminder')
    expect((await link(LINK_PATHS.cartRestore, unsubscribeToken)).status).toBe(400)
  })

  it('unsubscribes through the mail link and lets the user manage preferences, except order mails', async () => {
    const user = await createTestUser(api.deps.db)
    const browser = await signIn(api.url, user.email, user.password)
    const enabled = async () =>
      Object.fromEntries(
        (await browser.client.notifications.getPreferences.query()).map((p) => [p.kind, p.enabled]),
      )
    expect(await enabled()).toMatchObject({ cart_reminder: true, order_confirmation: true })

    const response = await link(
      LINK_PATHS.unsubscribe,
      sign('unsubscribe', user.id, 'cart_reminder'),
    )
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('Reminders about items left in your cart')
    expect(await enabled()).toMatchObject({ cart_reminder: false, review_reply: true })

    await browser.client.notifications.setPreference.mutate({
      kind: 'cart_reminder',
      enabled: true,
    })
    // A mail client's one-click unsubscribe (RFC 8058) posts to the same link.
    const oneClick = await fetch(
      `${api.url}${LINK_PATHS.unsubscribe}?token=${encodeURIComponent(sign('unsubscribe', user.id, 'stock_low'))}`,
      { method: 'POST', body: 'List-Unsubscribe=One-Click' },
    )
    expect(oneClick.status).toBe(200)
    expect(await enabled()).toMatchObject({ stock_low: false })
    await browser.client.notifications.setPreference.mutate({
      kind: 'review_reply',
      enabled: false,
    })
    expect(await enabled()).toMatchObject({ cart_reminder: true, review_reply: false })

    const refusal = await errorOf(
      browser.client.notifications.setPreference.mutate({ kind: 'order_shipped', enabled: false }),
    )
    expect(refusal?.data?.code).toBe('BAD_REQUEST')
    expect(refusal?.message).toBe('Shipping updates are part of your orders and are always sent.')
    expect(await enabled()).toMatchObject({ order_shipped: true })

    // An order-mail kind in a token cannot opt out either; the procedure refuses a bad token.
    expect(
      (await link(LINK_PATHS.unsubscribe, sign('unsubscribe', user.id, 'order_shipped'))).status,
    ).toBe(400)
    const anonymous = createTestClient(api.url)
    const bad = await errorOf(anonymous.client.notifications.unsubscribe.mutate({ token: 'x.y' }))
    expect(bad?.message).toBe('This unsubscribe link is invalid or has expired.')
    const ok = await anonymous.client.notifications.unsubscribe.mutate({
      token: sign('unsubscribe', user.id, 'review_reply'),
    })
    expect(ok).toEqual({ unsubscribedFrom: 'Replies to your reviews' })
  })

  it('a recovery coupon works only for the shopper it was issued to', async () => {
    const [owner, other] = await Promise.all([
      createTestUser(api.deps.db),
      createTestUser(api.deps.db),
    ])
    const coupon = await issueRecoveryCoupon(api.deps.db, {
      code: `COMEBACK-${randomUUID().slice(0, 8)}`,
      userId: owner.id,
      basisPoints: 1_000,
      endsAt: new Date(Date.now() + 24 * 3600 * 1000),
    })
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 2_000 }, stock: [5] })
    const [ownerBrowser, otherBrowser] = await Promise.all([
      signIn(api.url, owner.email, owner.password),
      signIn(api.url, other.email, other.password),
    ])
    for (const browser of [ownerBrowser, otherBrowser]) {
      await browser.client.cart.addLine.mutate({ variantId: variant.variantId, quantity: 1 })
    }
    const refusal = await errorOf(
      otherBrowser.client.cart.applyCoupon.mutate({ code: coupon.code }),
    )
    expect(refusal?.message).toBe(`Coupon ${coupon.code} was issued to another account`)
    expect((await otherBrowser.client.cart.get.query()).totals.discountTotal.amount).toBe(0)
    const applied = await ownerBrowser.client.cart.applyCoupon.mutate({ code: coupon.code })
    expect(applied.totals.discountTotal.amount).toBe(200)
  })
})

describe('cart changes while Temporal is unreachable', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({
      config: testConfig({ TEMPORAL_ADDRESS: '127.0.0.1:1' }),
      port: 0,
      rateLimitNamespace: randomUUID(),
    })
  })
  afterAll(async () => {
    await api?.close()
  })

  it('still saves the change (abandonment tracking only logs a warning)', async () => {
    const user = await createTestUser(api.deps.db)
    const variant = await insertCartVariant(api.deps.db, { prices: { USD: 700 }, stock: [5] })
    const shopper = await signIn(api.url, user.email, user.password)
    const cart = await shopper.client.cart.addLine.mutate({
      variantId: variant.variantId,
      quantity: 2,
    })
    expect(cart.lines.map((l) => l.quantity)).toEqual([2])
    expect((await shopper.client.cart.get.query()).lines.map((l) => l.quantity)).toEqual([2])
  })
})
