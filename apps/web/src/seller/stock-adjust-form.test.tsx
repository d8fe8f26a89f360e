// @vitest-environment jsdom
import { AdjustStockInput } from '@emporium/domain'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderInDom } from '../forms/testing'
import { StockAdjustForm } from './stock-adjust-form'

let view: Awaited<ReturnType<typeof renderInDom>> | undefined
afterEach(async () => {
  await view?.unmount()
})

describe('the stock adjustment form, checked with the API’s AdjustStockInput', () => {
  it('shows the schema’s message at the Units field for a change of 0 and sends nothing', async () => {
    const variantId = randomUUID()
    view = await renderInDom(
      <StockAdjustForm variantId={variantId} label="Stock of MUG-RED" warehouseId={1} />,
    )
    const form = view.container.querySelector('form')!
    await view.submit(form, { units: '0' })

    const units = form.elements.namedItem('units') as HTMLInputElement
    const expected = AdjustStockInput.safeParse({
      variantId,
      warehouseId: 1,
      delta: 0,
      reason: 'restock',
      idempotencyKey: 'web-key-123',
    }).error?.issues[0]?.message
    expect(expected).toBe('A change of 0 units changes nothing.')
    expect(units.getAttribute('aria-invalid')).toBe('true')
    expect(view.describedErrorOf(units)).toBe(expected)
    expect(view.calledProcedures()).not.toContain('seller.adjustStock')
  })

  it('sends a real change to seller.adjustStock', async () => {
    view = await renderInDom(
      <StockAdjustForm variantId={randomUUID()} label="Stock of MUG-RED" warehouseId={1} />,
    )
    const form = view.container.querySelector('form')!
    await view.submit(form, { units: '5' })
    // The request starts once the mutation runs, a moment after the submit.
    await vi.waitFor(() => expect(view?.calledProcedures()).toContain('seller.adjustStock'))
  })
})
