import { describe, expect, it } from 'vitest'
import { canOptOut, preferenceViews, shouldNotify } from './notification-kinds'

describe('notification kinds', () => {
  it('always sends transactional mails and honours opt-outs of the others per channel', () => {
    const optedOut = new Set(['email:order_confirmation', 'email:cart_reminder'])
    expect(shouldNotify('order_confirmation', 'email', optedOut)).toBe(true)
    expect(shouldNotify('cart_reminder', 'email', optedOut)).toBe(false)
    expect(shouldNotify('cart_reminder', 'push', optedOut)).toBe(true)
    expect(canOptOut('payment_failed')).toBe(false)
    expect(canOptOut('review_reply')).toBe(true)
  })

  it('shows every kind with its switch state', () => {
    const views = preferenceViews('email', new Set(['email:review_reply']))
    expect(views.find((v) => v.kind === 'review_reply')).toMatchObject({
      enabled: false,
      canOptOut: true,
    })
    expect(views.find((v) => v.kind === 'order_shipped')).toMatchObject({
      enabled: true,
      canOptOut: false,
    })
  })
})
