// @vitest-environment jsdom
import { act } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { renderInDom } from '../forms/testing'
import { startApiProcess, type ApiProcess } from '../testing/api-process'
import { InventoryPage } from './inventory-page'
import { StockMovementHistory } from './stock-movement-history'
import type { SellerStockHistory } from './testing/seller-stock-history-api'

let api: ApiProcess<SellerStockHistory> | undefined
let seller: SellerStockHistory
let view: Awaited<ReturnType<typeof renderInDom>> | undefined

beforeAll(async () => {
  // A real API process with a seller whose variant has four movements in two warehouses; the
  // page's same-origin `/trpc` calls reach it with the seller's session.
  api = await startApiProcess<SellerStockHistory>(
    import.meta.resolve('./testing/seller-stock-history-api.ts'),
  )
  seller = api.ready
}, 90_000)
afterEach(async () => {
  await view?.unmount()
})
afterAll(async () => {
  await api?.stop()
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
