// @vitest-environment jsdom
import { randomUUID } from 'node:crypto'
import { act } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderInDom } from '../forms/testing'
import { FlashSaleToggle } from './flash-sale-toggle'

let view: Awaited<ReturnType<typeof renderInDom>> | undefined
afterEach(async () => {
  await view?.unmount()
})

const press = async (button: HTMLButtonElement) =>
  act(async () => {
    button.click()
    await new Promise((resolve) => setTimeout(resolve, 10))
  })

describe('the flash-sale switch of an inventory row', () => {
  it('offers to start a sale for a variant not in flash-sale mode, and asks seller.startFlashSale', async () => {
    view = await renderInDom(
      <FlashSaleToggle variantId={randomUUID()} sku="MUG-RED" units={null} />,
    )
    const button = view.container.querySelector('button')!
    expect(button.getAttribute('aria-label')).toBe('Start flash sale of MUG-RED')
    expect(view.container.textContent).not.toContain('left to sell')
    await press(button)
    await vi.waitFor(() => expect(view?.calledProcedures()).toContain('seller.startFlashSale'))
    expect(view.calledProcedures()).not.toContain('seller.endFlashSale')
  })

  it('shows the units a running sale has left and ends it with seller.endFlashSale', async () => {
    view = await renderInDom(<FlashSaleToggle variantId={randomUUID()} sku="MUG-RED" units={3} />)
    expect(view.container.textContent).toContain('Flash sale 3 left to sell')
    const button = view.container.querySelector('button')!
    expect(button.textContent).toBe('End flash sale')
    await press(button)
    await vi.waitFor(() => expect(view?.calledProcedures()).toContain('seller.endFlashSale'))
    expect(view.calledProcedures()).not.toContain('seller.startFlashSale')
  })
})
