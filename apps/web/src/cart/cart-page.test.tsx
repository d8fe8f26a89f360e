// @vitest-environment jsdom
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { act } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { renderInDom } from '../forms/testing'
import { CartPage } from './cart-page'
import type { OffSaleCart } from './testing/off-sale-cart-api'

let api: ChildProcess
let cart: OffSaleCart
let view: Awaited<ReturnType<typeof renderInDom>> | undefined
const pageFetchProperty = Object.getOwnPropertyDescriptor(window, 'fetch')
const pageFetch = window.fetch.bind(window)

beforeAll(async () => {
  // A real API process holding a guest cart with one line on sale and one archived.
  const tsx = createRequire(import.meta.url).resolve('tsx/cli')
  const script = fileURLToPath(import.meta.resolve('./testing/off-sale-cart-api.ts'))
  api = spawn(process.execPath, [tsx, script], { stdio: ['pipe', 'pipe', 'pipe'] })
  let output = ''
  const collect = (chunk: Buffer) => (output += chunk.toString())
  api.stdout?.on('data', collect)
  api.stderr?.on('data', collect)
  const deadline = Date.now() + 60_000
  for (;;) {
    const line = output.split('\n').find((l) => l.startsWith('{"apiUrl"'))
    if (line) {
      cart = JSON.parse(line) as OffSaleCart
      break
    }
    if (api.exitCode !== null || Date.now() > deadline)
      throw new Error(`The API process did not become ready:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  // The page's same-origin `/trpc` calls reach that API with the guest's cart cookie.
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://page.test')
    const headers = new Headers(init?.headers)
    headers.set('cookie', cart.cookie)
    return pageFetch(`${cart.apiUrl}${url.pathname}${url.search}`, { ...init, headers })
  }
}, 90_000)
afterEach(async () => {
  await view?.unmount()
})
afterAll(async () => {
  if (pageFetchProperty) Object.defineProperty(window, 'fetch', pageFetchProperty)
  if (api.exitCode !== null || api.signalCode !== null) return
  const exited = once(api, 'exit')
  api.stdin?.end()
  const stuck = setTimeout(() => api.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(stuck)
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
