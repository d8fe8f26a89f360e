// @vitest-environment jsdom
import { CouponCodeInput } from '@emporium/domain'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderInDom } from '../forms/testing'
import type { CartView } from '../trpc'
import { CouponForm } from './coupon-form'

const emptyCart = { couponCodes: [], couponRefusals: [] } as unknown as CartView

let view: Awaited<ReturnType<typeof renderInDom>> | undefined
afterEach(async () => {
  await view?.unmount()
})

describe('the coupon form, checked with the API’s CouponCodeInput', () => {
  it('shows the schema’s message at the field for a blank code and sends nothing', async () => {
    view = await renderInDom(<CouponForm cart={emptyCart} />)
    const form = view.container.querySelector('form')!
    await view.submit(form, { code: '   ' })

    const field = form.elements.namedItem('code') as HTMLInputElement
    const schemaMessage = CouponCodeInput.safeParse({ code: '   ' }).error?.issues[0]?.message
    expect(schemaMessage).toBe('Enter a coupon code')
    expect(field.getAttribute('aria-invalid')).toBe('true')
    expect(view.describedErrorOf(field)).toBe(schemaMessage)
    expect(view.container.querySelector('[role="alert"]')?.textContent).toBe(
      'Please correct the highlighted fields.',
    )
    expect(view.calledProcedures()).toEqual([])
  })

  it('sends a good code to cart.applyCoupon (the same test can see a request)', async () => {
    view = await renderInDom(<CouponForm cart={emptyCart} />)
    const form = view.container.querySelector('form')!
    await view.submit(form, { code: 'SPRING10' })

    const field = form.elements.namedItem('code') as HTMLInputElement
    expect(field.getAttribute('aria-invalid')).toBeNull()
    // The request starts once the mutation runs, a moment after the submit.
    await vi.waitFor(() => expect(view?.calledProcedures()).toContain('cart.applyCoupon'))
  })
})
