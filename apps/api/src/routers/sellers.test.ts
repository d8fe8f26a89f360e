import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf, signIn } from '../testing/api-client'
import { createTestSeller } from '../testing/sellers'
import { createTestUser } from '../testing/users'

describe('sellers: onboarding, approval, suspension', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  it('onboards a seller: pending store, rotated session, admin approval unlocks seller procedures', async () => {
    const user = await createTestUser(api.deps.db)
    const browser = await signIn(api.url, user.email, user.password)
    const tokenBefore = browser.jar.get('emp_session')
    const slug = `shop-${randomUUID().slice(0, 8)}`
    const { store } = await browser.client.seller.openStore.mutate({
      storeName: 'Ada Gadgets',
      slug,
      contactEmail: user.email,
      payoutCurrency: 'EUR',
    })
    expect(store).toMatchObject({
      storeName: 'Ada Gadgets',
      slug,
      payoutCurrency: 'EUR',
      status: 'pending',
    })

    // Privilege change: the old token is dead, the new one works and carries the seller role.
    expect(browser.jar.get('emp_session')).not.toBe(tokenBefore)
    const stale = createTestClient(api.url)
    stale.setCookie('emp_session', tokenBefore ?? '')
    expect(await stale.client.auth.me.query()).toBeNull()
    expect(await browser.client.auth.me.query()).toMatchObject({
      role: 'seller',
      seller: { slug, status: 'pending' },
    })

    const pending = await errorOf(
      browser.client.seller.updateStore.mutate({
        storeName: 'X Y',
        contactEmail: user.email,
        payoutCurrency: 'EUR',
      }),
    )
    expect(pending?.data?.code).toBe('FORBIDDEN')
    expect(pending?.message).toBe('Your store is waiting for approval.')

    const admin = await createTestUser(api.deps.db, 'admin')
    const adminClient = await signIn(api.url, admin.email, admin.password)
    const pendingList = await adminClient.client.admin.listSellers.query({
      status: 'pending',
      limit: 100,
    })
    expect(pendingList.items.map((s) => s.id)).toContain(store.id)
    await adminClient.client.admin.approveSeller.mutate({ sellerId: store.id })

    const updated = await browser.client.seller.updateStore.mutate({
      storeName: 'Ada Gadgets Ltd',
      contactEmail: user.email,
      payoutCurrency: 'GBP',
    })
    expect(updated).toMatchObject({
      storeName: 'Ada Gadgets Ltd',
      payoutCurrency: 'GBP',
      status: 'approved',
      suspensionReason: null,
    })

    await adminClient.client.admin.suspendSeller.mutate({
      sellerId: store.id,
      reason: 'counterfeit goods',
    })
    const suspended = await errorOf(browser.client.seller.getDashboardStore.query())
    expect(suspended?.message).toBe('Your store is suspended.')
    expect(await browser.client.seller.getStore.query()).toMatchObject({
      status: 'suspended',
      suspensionReason: 'counterfeit goods',
    })

    // Approving again lifts the suspension and its reason.
    await adminClient.client.admin.approveSeller.mutate({ sellerId: store.id })
    expect(await browser.client.seller.getDashboardStore.query()).toMatchObject({
      status: 'approved',
      suspensionReason: null,
    })
  })

  it('hands a mobile client a new bearer token on opening a store; the old one is dead', async () => {
    const user = await createTestUser(api.deps.db)
    const login = await createTestClient(api.url, { origin: null }).client.auth.login.mutate({
      email: user.email,
      password: user.password,
      client: 'mobile',
    })
    const oldToken = login.token ?? ''
    const mobile = createTestClient(api.url, { origin: null, bearer: oldToken })
    const opened = await mobile.client.seller.openStore.mutate({
      storeName: 'Pocket Shop',
      slug: `pocket-${randomUUID().slice(0, 8)}`,
      contactEmail: user.email,
      payoutCurrency: 'USD',
    })
    expect(opened.token).toEqual(expect.any(String))
    expect(opened.token).not.toBe(oldToken)
    expect(await mobile.client.auth.me.query()).toBeNull()
    const renewed = createTestClient(api.url, { origin: null, bearer: opened.token ?? '' })
    expect(await renewed.client.auth.me.query()).toMatchObject({ id: user.id, role: 'seller' })
  })

  it('refuses a taken store address and a second store', async () => {
    const { seller } = await createTestSeller(api.deps.db)
    const user = await createTestUser(api.deps.db)
    const browser = await signIn(api.url, user.email, user.password)
    const taken = await errorOf(
      browser.client.seller.openStore.mutate({
        storeName: 'Copycat',
        slug: seller.slug,
        contactEmail: user.email,
        payoutCurrency: 'USD',
      }),
    )
    expect(taken?.data?.code).toBe('CONFLICT')
    expect(taken?.message).toBe('That store address is taken. Choose another one.')
    expect((await browser.client.auth.me.query())?.role).toBe('customer')

    await browser.client.seller.openStore.mutate({
      storeName: 'Mine',
      slug: `mine-${randomUUID().slice(0, 8)}`,
      contactEmail: user.email,
      payoutCurrency: 'USD',
    })
    const second = await errorOf(
      browser.client.seller.openStore.mutate({
        storeName: 'Two',
        slug: `two-${randomUUID().slice(0, 8)}`,
        contactEmail: user.email,
        payoutCurrency: 'USD',
      }),
    )
    expect(second?.message).toBe('You already have a store.')
  })

  it("an admin's role change ends all of that user's sessions", async () => {
    const user = await createTestUser(api.deps.db)
    const browser = await signIn(api.url, user.email, user.password)
    const admin = await createTestUser(api.deps.db, 'admin')
    const adminClient = await signIn(api.url, admin.email, admin.password)
    await expect(
      adminClient.client.admin.setUserRole.mutate({ userId: user.id, role: 'admin' }),
    ).resolves.toEqual({ sessionsEnded: 1 })
    expect(await browser.client.auth.me.query()).toBeNull()
    const again = await signIn(api.url, user.email, user.password)
    expect((await again.client.auth.me.query())?.role).toBe('admin')
  })

  it('pages through stores with a keyset cursor without repeats', async () => {
    for (let i = 0; i < 3; i++) await createTestSeller(api.deps.db, 'suspended')
    const admin = await createTestUser(api.deps.db, 'admin')
    const adminClient = await signIn(api.url, admin.email, admin.password)
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await adminClient.client.admin.listSellers.query({
        status: 'suspended',
        limit: 2,
        cursor,
      })
      seen.push(...page.items.map((s) => s.id))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    const total = await api.deps.db
      .selectFrom('sellers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'suspended')
      .executeTakeFirstOrThrow()
    expect(seen.length).toBe(Number(total.n))
    const bad = await errorOf(adminClient.client.admin.listSellers.query({ cursor: 'garbage' }))
    expect(bad?.message).toBe('The page cursor is not valid. Start from the first page.')
  })
})
