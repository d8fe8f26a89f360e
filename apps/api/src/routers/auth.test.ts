import { randomUUID } from 'node:crypto'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_RATE_LIMITS } from '../protection/rate-limits'
import { startApiServer, type RunningApi } from '../server'
import { createTestClient, errorOf } from '../testing/api-client'
import { countMails, tokenFromMail, waitForMail } from '../testing/mailpit'
import { createTestUser } from '../testing/users'

const config = testConfig()

describe('accounts: register, verify, sign in, sessions', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({ config, port: 0, rateLimitNamespace: randomUUID() })
  })
  afterAll(async () => {
    await api.close()
  })

  it('registers, follows the mailed verification link once, and signs in with a cookie', async () => {
    const email = `New.Shopper-${randomUUID()}@Example.test`
    const browser = createTestClient(api.url)
    await expect(
      browser.client.auth.register.mutate({ email, password: 'a long enough passphrase' }),
    ).resolves.toEqual({
      status: 'check-your-inbox',
    })
    const normalized = email.toLowerCase()
    const token = tokenFromMail(
      await waitForMail(config.MAILPIT_URL, normalized, /Confirm your email/),
      '/verify-email',
    )
    await expect(browser.client.auth.verifyEmail.mutate({ token })).resolves.toEqual({ ok: true })
    const reused = await errorOf(browser.client.auth.verifyEmail.mutate({ token }))
    expect(reused?.message).toBe('This verification link is invalid, expired or already used.')

    const login = await browser.client.auth.login.mutate({
      email: email.toUpperCase(),
      password: 'a long enough passphrase',
    })
    expect(login.token).toBeNull() // the web gets an httpOnly cookie, never the token in the body
    expect(browser.jar.get('emp_session')).toBeTruthy()
    const me = await browser.client.auth.me.query()
    expect(me).toMatchObject({
      email: normalized,
      role: 'customer',
      emailVerified: true,
      seller: null,
    })
  })

  it('sets the session cookie httpOnly, Secure and SameSite=Lax', async () => {
    const user = await createTestUser(api.deps.db)
    const response = await fetch(`${api.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:5173' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    })
    expect(response.status).toBe(200)
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('emp_session='))
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/Secure/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })

  it('registering a taken email answers the same and mails the owner instead', async () => {
    const user = await createTestUser(api.deps.db)
    const browser = createTestClient(api.url)
    await expect(
      browser.client.auth.register.mutate({ email: user.email, password: 'another passphrase!' }),
    ).resolves.toEqual({
      status: 'check-your-inbox',
    })
    await waitForMail(config.MAILPIT_URL, user.email, /already have an Emporium account/)
  })

  it('gives mobile clients a bearer token that works without cookies', async () => {
    const user = await createTestUser(api.deps.db)
    const login = await createTestClient(api.url, { origin: null }).client.auth.login.mutate({
      email: user.email,
      password: user.password,
      client: 'mobile',
    })
    expect(login.token).toMatch(/^[\w-]{40,}$/)
    const mobile = createTestClient(api.url, { origin: null, bearer: login.token ?? '' })
    expect((await mobile.client.auth.me.query())?.email).toBe(user.email)
  })

  it('rotates the token on login: the token held before signing in again stops working', async () => {
    const user = await createTestUser(api.deps.db)
    const browser = createTestClient(api.url)
    await browser.client.auth.login.mutate({ email: user.email, password: user.password })
    const first = browser.jar.get('emp_session') ?? ''
    await browser.client.auth.login.mutate({ email: user.email, password: user.password })
    const second = browser.jar.get('emp_session') ?? ''
    expect(second).not.toBe(first)
    const old = createTestClient(api.url)
    old.setCookie('emp_session', first)
    expect(await old.client.auth.me.query()).toBeNull()
  })

  it('lists sessions, revokes one, and log-out-everywhere kills a stolen token', async () => {
    const user = await createTestUser(api.deps.db)
    const laptop = createTestClient(api.url)
    const phone = createTestClient(api.url)
    await laptop.client.auth.login.mutate({ email: user.email, password: user.password })
    await phone.client.auth.login.mutate({ email: user.email, password: user.password })
    const thief = createTestClient(api.url)
    thief.setCookie('emp_session', phone.jar.get('emp_session') ?? '')

    const sessions = await laptop.client.auth.listSessions.query()
    expect(sessions).toHaveLength(2)
    expect(sessions.filter((s) => s.current)).toHaveLength(1)

    const phoneSession = sessions.find((s) => !s.current)
    await laptop.client.auth.revokeSession.mutate({ sessionId: phoneSession?.id ?? '' })
    expect(await phone.client.auth.me.query()).toBeNull()
    expect(await thief.client.auth.me.query()).toBeNull()

    await phone.client.auth.login.mutate({ email: user.email, password: user.password })
    thief.setCookie('emp_session', phone.jar.get('emp_session') ?? '')
    expect((await thief.client.auth.me.query())?.email).toBe(user.email)
    await expect(laptop.client.auth.logoutEverywhere.mutate()).resolves.toEqual({ ended: 2 })
    expect(await thief.client.auth.me.query()).toBeNull()
    expect(await laptop.client.auth.me.query()).toBeNull()
    const error = await errorOf(thief.client.auth.listSessions.query())
    expect(error?.data?.code).toBe('UNAUTHORIZED')
  })

  it('resets a forgotten password by mailed single-use link, ending every session', async () => {
    const user = await createTestUser(api.deps.db)
    const browser = createTestClient(api.url)
    await browser.client.auth.login.mutate({ email: user.email, password: user.password })
    await createTestClient(api.url).client.auth.requestPasswordReset.mutate({ email: user.email })
    const token = tokenFromMail(
      await waitForMail(config.MAILPIT_URL, user.email, /Reset your Emporium password/),
      '/reset-password',
    )
    await createTestClient(api.url).client.auth.resetPassword.mutate({
      token,
      newPassword: 'a brand new passphrase',
    })
    expect(await browser.client.auth.me.query()).toBeNull()
    const reused = await errorOf(
      createTestClient(api.url).client.auth.resetPassword.mutate({
        token,
        newPassword: 'yet another passphrase',
      }),
    )
    expect(reused?.message).toMatch(/invalid, expired or already used/)
    const oldPassword = await errorOf(
      browser.client.auth.login.mutate({ email: user.email, password: user.password }),
    )
    expect(oldPassword?.data?.code).toBe('UNAUTHORIZED')
    await browser.client.auth.login.mutate({
      email: user.email,
      password: 'a brand new passphrase',
    })
    expect((await browser.client.auth.me.query())?.email).toBe(user.email)
  })

  it('answers a reset request for an unknown email exactly like a known one, and sends nothing', async () => {
    const unknown = `nobody-${randomUUID()}@example.test`
    const known = await createTestUser(api.deps.db)
    const client = createTestClient(api.url).client
    const a = await client.auth.requestPasswordReset.mutate({ email: unknown })
    const b = await client.auth.requestPasswordReset.mutate({ email: known.email })
    expect(a).toEqual(b)
    await waitForMail(config.MAILPIT_URL, known.email, /Reset your Emporium password/)
    expect(await countMails(config.MAILPIT_URL, unknown)).toBe(0)
  })
})

describe('accounts: protection', () => {
  let api: RunningApi
  beforeAll(async () => {
    api = await startApiServer({
      config,
      port: 0,
      rateLimitNamespace: randomUUID(),
      rateLimits: {
        ...DEFAULT_RATE_LIMITS,
        loginPerIp: { points: 1000, durationS: 60 },
        registerPerIp: { points: 3, durationS: 3600 },
      },
    })
  })
  afterAll(async () => {
    await api.close()
  })

  it('answers an unknown email and a wrong password the same way, in similar time', async () => {
    const user = await createTestUser(api.deps.db)
    const client = createTestClient(api.url).client
    const time = async (email: string) => {
      const started = performance.now()
      const error = await errorOf(client.auth.login.mutate({ email, password: 'not the password' }))
      return { ms: performance.now() - started, code: error?.data?.code, message: error?.message }
    }
    await time(`warmup-${randomUUID()}@example.test`)
    const wrongPassword = await time(user.email)
    const unknownEmail = await time(`ghost-${randomUUID()}@example.test`)
    expect(unknownEmail.code).toBe(wrongPassword.code)
    expect(unknownEmail.message).toBe(wrongPassword.message)
    expect(unknownEmail.message).toBe('Email or password is incorrect.')
    // Both spend one argon2id verification (~20 ms here); without the dummy hash the unknown email would take ~1 ms.
    expect(unknownEmail.ms).toBeGreaterThan(wrongPassword.ms / 3)
  })

  it('locks an account after 5 failures, for real and unknown emails alike', async () => {
    const user = await createTestUser(api.deps.db)
    const ghost = `ghost-${randomUUID()}@example.test`
    for (const email of [user.email, ghost]) {
      const client = createTestClient(api.url).client
      const codes: (string | undefined)[] = []
      for (let i = 0; i < 6; i++) {
        codes.push(
          (await errorOf(client.auth.login.mutate({ email, password: 'wrong password' })))?.data
            ?.code,
        )
      }
      expect(codes).toEqual([
        'UNAUTHORIZED',
        'UNAUTHORIZED',
        'UNAUTHORIZED',
        'UNAUTHORIZED',
        'TOO_MANY_REQUESTS',
        'TOO_MANY_REQUESTS',
      ])
    }
    // Locked: even the right password is refused until the lock ends.
    const locked = await errorOf(
      createTestClient(api.url).client.auth.login.mutate({
        email: user.email,
        password: user.password,
      }),
    )
    expect(locked?.data?.code).toBe('TOO_MANY_REQUESTS')
    expect(locked?.message).toMatch(/^Too many failed sign-ins\. Try again in \d+ s\.$/)
    // First lock is 30 s (the back-off doubling is unit-tested in the domain's lockout policy).
    expect(locked?.data?.retryAfterSeconds).toBeGreaterThanOrEqual(25)
    expect(locked?.data?.retryAfterSeconds).toBeLessThanOrEqual(30)
  })

  it('rate-limits sign-ups per IP at the configured threshold', async () => {
    const client = createTestClient(api.url).client
    const codes: (string | undefined)[] = []
    for (let i = 0; i < 4; i++) {
      const error = await errorOf(
        client.auth.register.mutate({
          email: `burst-${randomUUID()}@example.test`,
          password: 'a long enough passphrase',
        }),
      )
      codes.push(error?.data?.code)
    }
    expect(codes).toEqual([undefined, undefined, undefined, 'TOO_MANY_REQUESTS'])
  })

  it('refuses bad input with messages a person understands', async () => {
    const client = createTestClient(api.url).client
    const malformed = await errorOf(
      client.auth.login.mutate({ email: 'not-an-email', password: 'x' }),
    )
    expect(malformed?.data?.code).toBe('BAD_REQUEST')
    expect(malformed?.message).toContain('Enter a valid email address')
    const huge = await errorOf(
      client.auth.login.mutate({ email: 'a@example.test', password: 'x'.repeat(10_240) }),
    )
    expect(huge?.message).toContain('Password must be at most 256 characters')
    const confusable = await errorOf(
      client.auth.requestPasswordReset.mutate({ email: '\u0430dmin@emporium.local' }),
    )
    expect(confusable?.message).toContain('plain ASCII')
  })

  it('refuses cookie-authenticated mutations from another origin (CSRF)', async () => {
    const user = await createTestUser(api.deps.db)
    const browser = createTestClient(api.url)
    await browser.client.auth.login.mutate({ email: user.email, password: user.password })
    const attacker = createTestClient(api.url, { origin: 'https://evil.example' })
    attacker.setCookie('emp_session', browser.jar.get('emp_session') ?? '')
    const crossSite = await errorOf(attacker.client.auth.logoutEverywhere.mutate())
    expect(crossSite?.data?.code).toBe('FORBIDDEN')
    expect(crossSite?.message).toMatch(/Cross-site request refused/)
    const noOrigin = createTestClient(api.url, { origin: null })
    noOrigin.setCookie('emp_session', browser.jar.get('emp_session') ?? '')
    expect((await errorOf(noOrigin.client.auth.logoutEverywhere.mutate()))?.data?.code).toBe(
      'FORBIDDEN',
    )
    // Nothing changed: the session is still alive.
    expect((await browser.client.auth.me.query())?.email).toBe(user.email)
  })
})
