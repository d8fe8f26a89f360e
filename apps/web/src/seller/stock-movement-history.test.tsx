// @vitest-environment jsdom
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { act } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { renderInDom } from '../forms/testing'
import { InventoryPage } from './inventory-page'
import { StockMovementHistory } from './stock-movement-history'
import type { SellerStockHistory } from './testing/seller-stock-history-api'

let api: ChildProcess
let seller: SellerStockHistory
let view: Awaited<ReturnType<typeof renderInDom>> | undefined
const pageFetchProperty = Object.getOwnPropertyDescriptor(window, 'fetch')
const pageFetch = window.fetch.bind(window)

beforeAll(async () => {
  // A real API process with a seller whose variant has four movements in two warehouses.
  const tsx = createRequire(import.meta.url).resolve('tsx/cli')
  const script = fileURLToPath(import.meta.resolve('./testing/seller-stock-history-api.ts'))
  api = spawn(process.execPath, [tsx, script], { stdio: ['pipe', 'pipe', 'pipe'] })
  let output = ''
  const collect = (chunk: Buffer) => (output += chunk.toString())
  api.stdout?.on('data', collect)
  api.stderr?.on('data', collect)
  const deadline = Date.now() + 60_000
  for (;;) {
    const line = output.split('\n').find((l) => l.startsWith('{"apiUrl"'))
    if (line) {
      seller = JSON.parse(line) as SellerStockHistory
      break
    }
    if (api.exitCode !== null || Date.now() > deadline)
      throw new Error(`The API process did not become ready:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  // The page's same-origin `/trpc` calls reach that API with the seller's session.
  window.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://page.test')
    const headers = new Headers(init?.headers)
    headers.set('cookie', seller.cookie)
    return pageFetch(`${seller.apiUrl}${url.pathname}${url.search}`, { ...init, headers })
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

const press = async (button: HTMLButtonElement) =>
  act(async () => {
    button.click()
    await new Promise((resolve) => setTimeout(resolve, 10))
  })

/** Waits until `check` passes, letting the API's answers render inside act() as React expects. */
const waitUntil = (check: () => void) =>
  act(async () => {
    await vi.waitFor(check, { timeout: 10_000 })
  })

/** Each history row as the seller reads it, without its time. */
const tableRows = () =>
  [...(view?.container.querySelectorAll('tbody tr') ?? [])].map((tr) =>
    [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent),
  )

describe('the stock history of an inventory row', () => {
  it('opens on request with time, warehouse, signed change, reason and on hand after, and loads older movements', async () => {
    const { variantId, sku, north, south } = seller
    view = await renderInDom(<StockMovementHistory variantId={variantId} sku={sku} pageSize={3} />)
    const toggle = view.container.querySelector('button')!
    expect(toggle.getAttribute('aria-label')).toBe(`Show stock history of ${sku}`)
    expect(view.calledProcedures()).not.toContain('seller.listStockMovements')

    await press(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    await waitUntil(() => expect(tableRows()).toHaveLength(3))
    expect(view.calledProcedures()).toContain('seller.listStockMovements')
    expect(view.container.querySelector('caption')?.textContent).toBe(
      `Stock movements of ${sku}, newest first`,
    )
    expect(tableRows()).toEqual([
      [south, '+1', 'Return', '6'],
      [north, '\u22123', 'Adjustment', '9'],
      [south, '+5', 'Restock', '5'],
    ])
    const time = view.container.querySelector('tbody time')?.getAttribute('datetime') ?? ''
    expect(Date.now() - Date.parse(time)).toBeLessThan(120_000)

    const more = [...view.container.querySelectorAll('button')].find(
      (b) => b.textContent === 'Load older movements',
    )!
    await press(more)
    await waitUntil(() => expect(tableRows()).toHaveLength(4))
    expect(tableRows()[3]).toEqual([north, '+12', 'Restock', '12'])
    // The oldest movement is shown: nothing more to load.
    expect([...view.container.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Hide stock history',
    ])
  })

  it('is offered on the inventory page, once per variant, and lists every warehouse’s movements', async () => {
    const { sku, north, south } = seller
    view = await renderInDom(<InventoryPage />)
    const historyButtons = () =>
      [...(view?.container.querySelectorAll('button') ?? [])].filter((b) =>
        b.getAttribute('aria-label')?.endsWith(`stock history of ${sku}`),
      )
    await waitUntil(() => expect(historyButtons()).toHaveLength(1))
    await press(historyButtons()[0]!)
    await waitUntil(() => expect(tableRows()).toHaveLength(4))
    expect(tableRows().map((r) => [r[0], r[3]])).toEqual([
      [south, '6'],
      [north, '9'],
      [south, '5'],
      [north, '12'],
    ])
  })
})
