// @vitest-environment jsdom
import { act } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { renderInDom } from '../forms/testing'
import { startApiProcess, type ApiProcess } from '../testing/api-process'
import { CartPage } from './cart-page'
import type { OffSaleCart } from './testing/off-sale-cart-api'

let api: ApiProcess<OffSaleCart> | undefined
let cart: OffSaleCart
let view: Awaited<ReturnType<typeof renderInDom>> | undefined

beforeAll(async () => {
  // A real API process holding a guest cart with one line on sale and one archived; the page's
  // same-origin `/trpc` calls reach it with the guest's cart cookie.
  api = await startApiProcess<OffSaleCart>(import.meta.resolve('./testing/off-sale-cart-api.ts'))
  cart = api.ready
}, 90_000)
afterEach(async () => {
  await view?.unmount()
})
afterAll(async () => {
  await api?.stop()
})

/** Waits until `check` passes, letting the API's answers render inside act() as React expects. */
const waitUntil = (check: () => void) =>
  act(async () => {
    await vi.waitFor(check, { timeout: 10_000 })
  })

const lineNamed = (name: string) =>
  [...(view?.container.querySelectorAll('.cart-line') ?? [])].find((li) =>
    li.querySelector('.cart-line__name')?.textContent?.startsWith(name),
  )
const blockers = () =>
  [...(view?.container.querySelectorAll('[aria-label="Before checkout"] li') ?? [])].map(
    (li) => li.textContent,
  )

describe('the cart page', () => {
  it('marks a line taken off sale as unavailable, blocks checkout, and lets the shopper remove it', async () => {
    view = await renderInDom(<CartPage />)
    await waitUntil(() => expect(lineNamed(cart.offSaleName)).toBeDefined())

    const offSale = lineNamed(cart.offSaleName)!
    expect(offSale.querySelector('[role="status"]')?.textContent).toBe(
      'No longer available to buy: remove it to check out.',
    )
    expect(offSale.querySelector('strong')?.textContent).toBe('—')
    expect(offSale.querySelector<HTMLInputElement>('input[type="number"]')?.disabled).toBe(true)
    expect(lineNamed(cart.onSaleName)?.querySelector('[role="status"]')).toBeNull()
    expect(blockers()).toEqual([`${cart.offSaleName} is no longer available; remove it.`])

    const remove = offSale.querySelector<HTMLButtonElement>(
      `button[aria-label^="Remove ${cart.offSaleName}"]`,
    )!
    await act(async () => {
      remove.click()
      await new Promise((resolve) => setTimeout(resolve, 10))
    })
    await waitUntil(() => expect(lineNamed(cart.offSaleName)).toBeUndefined())
    expect(lineNamed(cart.onSaleName)).toBeDefined()
    expect(blockers()).toEqual([])
    expect(view.calledProcedures()).toContain('cart.removeLine')
  })
})
