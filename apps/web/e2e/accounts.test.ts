import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { startApiServer, type RunningApi } from '@emporium/api'
import { testConfig } from '@emporium/infra/testing'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifacts, freePort, launchChromium, serveBuiltApp } from './browser-harness'
import { linkFromMail, waitForMail } from './mailpit'

// A shopper's account, end to end: built app in Chromium → vite preview proxy → real API → Postgres,
// Redis and Mailpit. The API trusts the preview's origin, and its mail links point there.
const PASSWORD = 'a long enough passphrase'
const MAILPIT = testConfig().MAILPIT_URL

let browser: Browser
let api: RunningApi
let web: { url: string; close: () => Promise<void> }

beforeAll(async () => {
  await mkdir(artifacts, { recursive: true })
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  api = await startApiServer({
    config: testConfig({ WEB_ORIGIN: origin }),
    port: 0,
    rateLimitNamespace: randomUUID(),
  })
  web = await serveBuiltApp(api.url, port)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await web?.close()
  await api?.close()
})

const newEmail = () => `shopper-${randomUUID()}@example.test`

function header(page: Page) {
  return page.getByRole('banner')
}

async function signUp(page: Page, email: string, name = 'Ada Shopper'): Promise<void> {
  await page.goto(`${web.url}/sign-up`)
  await page.getByLabel('Name (optional)').fill(name)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Create account' }).click()
  await page.getByRole('heading', { name: 'Check your inbox' }).waitFor()
}

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${web.url}/sign-in`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

describe('accounts in the browser', () => {
  it('signs up, confirms the email from the mailed link, signs out and back in', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    const email = newEmail()
    await signUp(page, email)
    expect(await page.getByRole('status').first().textContent()).toContain(email)
    // Signed in automatically after registering.
    await header(page).getByText('Signed in as Ada Shopper').waitFor()
    await page.screenshot({ path: `${artifacts}accounts-sign-up-done.png`, fullPage: true })

    const mail = await waitForMail(MAILPIT, email, /Confirm your email/)
    await page.goto(linkFromMail(mail, `${web.url}/verify-email`))
    await page.getByText('Email confirmed.').waitFor()
    await page.screenshot({ path: `${artifacts}accounts-email-confirmed.png`, fullPage: true })

    // The account page now says the address is verified.
    await page.getByRole('link', { name: 'Go to your account' }).click()
    const profile = page.getByRole('region', { name: 'Profile' })
    await profile.getByText('Verified', { exact: true }).waitFor()
    expect(await profile.getByText(email).count()).toBe(1)

    await header(page).getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await header(page).getByRole('link', { name: 'Sign in' }).waitFor()
    expect(await header(page).getByText('Signed in as').count()).toBe(0)

    await signIn(page, email)
    await page.getByRole('heading', { name: 'Your account', level: 2 }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/account')
    await header(page).getByText('Signed in as Ada Shopper').waitFor()
    await page.screenshot({ path: `${artifacts}accounts-account-page.png`, fullPage: true })
    await page.close()
  })

  it('says "Email or password is incorrect." next to the form for a wrong password', async () => {
    const page = await browser.newPage()
    const email = newEmail()
    await signUp(page, email)
    await header(page).getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()

    await signIn(page, email, 'not the right password')
    const form = page.getByRole('form', { name: 'Sign in' })
    const alert = form.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toBe('Email or password is incorrect.')
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    expect(await header(page).getByText('Signed in as').count()).toBe(0)
    await page.screenshot({ path: `${artifacts}accounts-wrong-password.png`, fullPage: true })

    // The shared schema refuses a malformed address before anything is sent, beside the field.
    await page.getByLabel('Email').fill('not-an-email')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    const emailField = page.getByLabel('Email')
    await page.getByText('Enter a valid email address, like name@example.com').waitFor()
    expect(await emailField.getAttribute('aria-invalid')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email')
    await page.close()
  })

  it('lists both sessions, revokes the other one, and the other browser is signed out', async () => {
    const mine = await browser.newContext()
    const other = await browser.newContext()
    const page = await mine.newPage()
    const otherPage = await other.newPage()
    const email = newEmail()
    await signUp(page, email)
    await signIn(otherPage, email)
    await otherPage.getByRole('heading', { name: 'Your account', level: 2 }).waitFor()

    await page.goto(`${web.url}/account`)
    const sessions = page.getByRole('list', { name: 'Sessions' }).getByRole('listitem')
    await sessions.nth(1).waitFor()
    expect(await sessions.count()).toBe(2)
    expect(await sessions.filter({ hasText: 'This device' }).count()).toBe(1)
    await page.screenshot({ path: `${artifacts}accounts-two-sessions.png`, fullPage: true })

    const otherSession = sessions.filter({ hasNotText: 'This device' })
    await otherSession.getByRole('button', { name: /^Revoke session/ }).click()
    await expect.poll(() => sessions.count()).toBe(1)
    expect(await sessions.first().textContent()).toContain('This device')

    await otherPage.reload()
    await otherPage.getByText('You are signed out.').waitFor()
    await header(otherPage).getByRole('link', { name: 'Sign in' }).waitFor()
    // This browser is still signed in.
    await page.reload()
    await page.getByRole('list', { name: 'Sessions' }).waitFor()
    await mine.close()
    await other.close()
  })

  it('resets a forgotten password through the mailed link, ending the old sessions', async () => {
    const before = await browser.newContext()
    const oldPage = await before.newPage()
    const email = newEmail()
    await signUp(oldPage, email)

    const page = await browser.newPage({ viewport: { width: 375, height: 740 }, isMobile: true })
    await page.goto(`${web.url}/sign-in`)
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    await page.getByLabel('Email').fill(email)
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await page.getByText('Check your inbox').waitFor()

    const mail = await waitForMail(MAILPIT, email, /Reset your Emporium password/)
    await page.goto(linkFromMail(mail, `${web.url}/reset-password`))
    const newPassword = 'an entirely new passphrase'
    await page.getByLabel('New password', { exact: true }).fill('short')
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.getByText('Password must be at least 10 characters').waitFor()
    await page.getByLabel('New password', { exact: true }).fill(newPassword)
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.getByText('Your password has been changed').waitFor()
    await page.screenshot({ path: `${artifacts}accounts-password-reset-phone.png`, fullPage: true })
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)

    // The same link cannot be used twice.
    await page.goto(linkFromMail(mail, `${web.url}/reset-password`))
    await page.getByLabel('New password', { exact: true }).fill('yet another passphrase')
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.getByText('This reset link is invalid, expired or already used.').waitFor()

    await signIn(page, email, PASSWORD)
    await page.getByText('Email or password is incorrect.').waitFor()
    await signIn(page, email, newPassword)
    await page.getByRole('heading', { name: 'Your account', level: 2 }).waitFor()
    await page.screenshot({ path: `${artifacts}accounts-account-phone.png`, fullPage: true })

    await oldPage.reload()
    await oldPage.getByText('Create an account').first().waitFor()
    expect(await header(oldPage).getByText('Signed in as').count()).toBe(0)
    await page.close()
    await before.close()
  })

  it('keeps an address book: adds addresses, shows field errors, moves the default, deletes', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } })
    await signUp(page, newEmail())
    await page.goto(`${web.url}/account`)
    const book = page.getByRole('region', { name: 'Address book' })
    const add = async (name: string, country: string) => {
      await book.getByRole('button', { name: 'Add an address' }).click()
      const form = book.getByRole('form', { name: 'New address' })
      await form.getByLabel('Full name').fill(name)
      await form.getByLabel('Address line 1').fill('1 Main Street')
      await form.getByLabel('City').fill('Springfield')
      await form.getByLabel('Postal code').fill('12345')
      await form.getByLabel('Country code').fill(country)
      await form.getByRole('button', { name: 'Add address' }).click()
      return form
    }
    await add('Ada Home', 'US')
    const items = book.getByRole('list', { name: 'Addresses' }).getByRole('listitem')
    await items.first().waitFor()
    expect(await items.first().textContent()).toContain('Default')

    const form = await add('Ada Work', 'U1')
    await form.getByText('Country must be a two-letter ISO code, like US or DE').waitFor()
    await form.getByLabel('Country code').fill('DE')
    await form.getByRole('button', { name: 'Add address' }).click()
    await expect.poll(() => items.count()).toBe(2)

    await book.getByRole('button', { name: 'Make default Ada Work, 1 Main Street' }).click()
    await expect.poll(() => items.first().textContent()).toContain('Ada Work')
    expect(await items.first().textContent()).toContain('Default')
    await book.getByRole('button', { name: 'Delete Ada Home, 1 Main Street' }).click()
    await expect.poll(() => items.count()).toBe(1)
    await page.screenshot({ path: `${artifacts}accounts-address-book.png`, fullPage: true })
    await page.close()
  })
})
