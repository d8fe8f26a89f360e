import { randomUUID } from 'node:crypto'
import { findUserByEmail, insertUser, listIdentities } from '@emporium/db'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningApi } from '../../server'
import { createTestClient, type TestClient, errorOf } from '../../testing/api-client'
import { createTestUser, TEST_PASSWORD } from '../../testing/users'
import { hashPassword } from '../password'
import { redirectUri } from './providers'
import {
  followToCallback,
  startLocalOidcProvider,
  type LocalOidcProvider,
  type ProviderAccount,
} from './testing/local-oidc-provider'

const STALE =
  'This sign-in link is invalid, expired or was already used. Please start signing in again.'

describe('accounts: sign in with an OpenID Connect provider', () => {
  let idp: LocalOidcProvider
  let api: RunningApi
  let callbackUri: string

  beforeAll(async () => {
    callbackUri = redirectUri(testConfig())
    idp = await startLocalOidcProvider(callbackUri)
    const providers = [
      {
        id: 'local',
        name: 'Local ID',
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
      },
    ]
    api = await startApiServer({
      config: testConfig({ OIDC_PROVIDERS: JSON.stringify(providers) }),
      port: 0,
      rateLimitNamespace: randomUUID(),
    })
  })
  afterAll(async () => {
    await api.close()
    await idp.close()
  })

  const person = (overrides: Partial<ProviderAccount> = {}): ProviderAccount => ({
    sub: randomUUID(),
    email: `oidc-${randomUUID()}@example.test`,
    emailVerified: true,
    name: 'Ada Lovelace',
    ...overrides,
  })

  /** Starts in `browser`, signs in at the provider as `account`, and returns the callback query. */
  async function visitProvider(
    browser: TestClient,
    account: ProviderAccount,
    returnTo?: string,
  ): Promise<string> {
    idp.signInNextAs(account)
    const { authorizationUrl } = await browser.client.oidc.start.mutate({
      provider: 'local',
      returnTo,
    })
    return followToCallback(authorizationUrl, callbackUri)
  }

  it('lists the configured providers without their secrets', async () => {
    await expect(createTestClient(api.url).client.oidc.providers.query()).resolves.toEqual([
      { id: 'local', name: 'Local ID' },
    ])
  })

  it('creates a verified account on the first sign-in and signs the same account in the next time', async () => {
    const account = person()
    const browser = createTestClient(api.url)
    const query = await visitProvider(browser, account, '/orders')
    expect(new URLSearchParams(query).get('iss')).toBe(idp.issuer)
    const first = await browser.client.oidc.complete.mutate({ query })
    expect(first).toMatchObject({ outcome: 'created', returnTo: '/orders' })
    expect(browser.jar.get('emp_session')).toBeTruthy()
    const me = await browser.client.auth.me.query()
    expect(me).toMatchObject({
      email: account.email,
      displayName: 'Ada Lovelace',
      role: 'customer',
      emailVerified: true,
    })
    const user = await findUserByEmail(api.deps.db, account.email)
    expect(user?.password_hash).toBeNull()
    const identities = await listIdentities(api.deps.db, me?.id ?? '')
    expect(identities.map((i) => [i.provider, i.subject, i.email])).toEqual([
      ['local', account.sub, account.email],
    ])

    const laptop = createTestClient(api.url)
    const second = await laptop.client.oidc.complete.mutate({
      query: await visitProvider(laptop, account),
    })
    expect(second).toMatchObject({ outcome: 'signed-in', returnTo: '/' })
    expect((await laptop.client.auth.me.query())?.id).toBe(me?.id)
    expect(await listIdentities(api.deps.db, me?.id ?? '')).toHaveLength(1)
  })

  it('links a password account when the provider verified the same email; the password keeps working', async () => {
    const user = await createTestUser(api.deps.db)
    const browser = createTestClient(api.url)
    const result = await browser.client.oidc.complete.mutate({
      query: await visitProvider(browser, person({ email: user.email.toUpperCase() })),
    })
    expect(result.outcome).toBe('linked')
    expect((await browser.client.auth.me.query())?.id).toBe(user.id)
    expect(await listIdentities(api.deps.db, user.id)).toHaveLength(1)
    const login = createTestClient(api.url).client.auth.login.mutate({
      email: user.email,
      password: user.password,
    })
    await expect(login).resolves.toMatchObject({ token: null })
  })

  it('taking over an address someone registered without verifying it drops their password and ends their sessions', async () => {
    const email = `squatted-${randomUUID()}@example.test`
    const squatted = await insertUser(api.deps.db, {
      email,
      passwordHash: await hashPassword(TEST_PASSWORD),
    })
    const squatter = createTestClient(api.url)
    await squatter.client.auth.login.mutate({ email, password: TEST_PASSWORD })
    expect((await squatter.client.auth.me.query())?.id).toBe(squatted?.id)

    const owner = createTestClient(api.url)
    const result = await owner.client.oidc.complete.mutate({
      query: await visitProvider(owner, person({ email })),
    })
    expect(result.outcome).toBe('linked')
    expect(await owner.client.auth.me.query()).toMatchObject({
      id: squatted?.id,
      emailVerified: true,
    })
    expect(await squatter.client.auth.me.query()).toBeNull()
    const login = await errorOf(
      createTestClient(api.url).client.auth.login.mutate({ email, password: TEST_PASSWORD }),
    )
    expect(login?.message).toBe('Email or password is incorrect.')
  })

  it('refuses a tampered state and a reused callback, signing no one in', async () => {
    const account = person()
    const browser = createTestClient(api.url)
    const query = await visitProvider(browser, account)
    const params = new URLSearchParams(query)
    params.set('state', `${params.get('state')}x`)
    const tampered = await errorOf(
      browser.client.oidc.complete.mutate({ query: params.toString() }),
    )
    expect(tampered?.data?.code).toBe('BAD_REQUEST')
    expect(tampered?.message).toBe(STALE)
    expect(browser.jar.has('emp_session')).toBe(false)
    expect(await findUserByEmail(api.deps.db, account.email)).toBeUndefined()

    await expect(browser.client.oidc.complete.mutate({ query })).resolves.toMatchObject({
      outcome: 'created',
    })
    const other = createTestClient(api.url)
    const reused = await errorOf(other.client.oidc.complete.mutate({ query }))
    expect(reused?.message).toBe(STALE)
    expect(other.jar.has('emp_session')).toBe(false)
  })

  it('refuses a callback completed in a browser other than the one that started the sign-in', async () => {
    const account = person()
    const query = await visitProvider(createTestClient(api.url), account)
    const victim = createTestClient(api.url)
    const refused = await errorOf(victim.client.oidc.complete.mutate({ query }))
    expect(refused?.message).toBe(
      'This sign-in was started in another browser. Please start signing in again here.',
    )
    expect(victim.jar.has('emp_session')).toBe(false)
    expect(await findUserByEmail(api.deps.db, account.email)).toBeUndefined()
  })

  it('refuses an unverified provider email that belongs to an existing account, changing nothing', async () => {
    const user = await createTestUser(api.deps.db)
    const before = await findUserByEmail(api.deps.db, user.email)
    const browser = createTestClient(api.url)
    const refused = await errorOf(
      browser.client.oidc.complete.mutate({
        query: await visitProvider(browser, person({ email: user.email, emailVerified: false })),
      }),
    )
    expect(refused?.data?.code).toBe('CONFLICT')
    expect(refused?.message).toBe(
      `An account with ${user.email} already exists, and Local ID has not confirmed that this address is yours. Sign in with your password instead, or confirm the address with Local ID first.`,
    )
    expect(browser.jar.has('emp_session')).toBe(false)
    expect(await listIdentities(api.deps.db, user.id)).toEqual([])
    expect(await findUserByEmail(api.deps.db, user.email)).toEqual(before)
  })

  it('creates an unverified account for an unverified provider email nobody uses yet', async () => {
    const account = person({ emailVerified: false })
    const browser = createTestClient(api.url)
    const result = await browser.client.oidc.complete.mutate({
      query: await visitProvider(browser, account),
    })
    expect(result.outcome).toBe('created')
    expect(await browser.client.auth.me.query()).toMatchObject({
      email: account.email,
      emailVerified: false,
    })
  })

  it('tells the shopper they cancelled at the provider, and the cancelled sign-in cannot be resumed', async () => {
    const browser = createTestClient(api.url)
    idp.signInNextAs('cancel')
    const { authorizationUrl } = await browser.client.oidc.start.mutate({ provider: 'local' })
    const query = await followToCallback(authorizationUrl, callbackUri)
    expect(new URLSearchParams(query).get('error')).toBe('access_denied')
    const cancelled = await errorOf(browser.client.oidc.complete.mutate({ query }))
    expect(cancelled?.data?.code).toBe('BAD_REQUEST')
    expect(cancelled?.message).toBe('Signing in with Local ID was cancelled.')
    expect((await errorOf(browser.client.oidc.complete.mutate({ query })))?.message).toBe(STALE)
    expect(browser.jar.has('emp_session')).toBe(false)
  })

  it('refuses an unknown provider and a return address outside the shop', async () => {
    const browser = createTestClient(api.url)
    const unknown = await errorOf(browser.client.oidc.start.mutate({ provider: 'nope' }))
    expect(unknown?.data?.code).toBe('NOT_FOUND')
    expect(unknown?.message).toBe('Signing in with "nope" is not available.')
    const offsite = await errorOf(
      browser.client.oidc.start.mutate({ provider: 'local', returnTo: '//evil.example/phish' }),
    )
    expect(offsite?.data?.code).toBe('BAD_REQUEST')
    expect(offsite?.message).toContain('The page to return to must be a path inside the shop')
  })
})
