import type { Page } from 'playwright-core'
import { PASSWORD } from './shop-fixtures'

/** Signs a seller in through the sign-in page (the header shows who is signed in afterwards). */
export async function signInSeller(page: Page, webUrl: string, email: string): Promise<void> {
  await page.goto(`${webUrl}/sign-in`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.getByRole('banner').getByText('Signed in as').waitFor()
}
