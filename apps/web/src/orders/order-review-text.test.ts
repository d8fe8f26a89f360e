import { describe, expect, it } from 'vitest'
import { orderReviewText } from './order-review-text'

const at = '2026-01-01T10:00:00.000Z'

describe('orderReviewText', () => {
  it('says nothing about an order that was never held', () => {
    expect(orderReviewText(null)).toBeNull()
  })

  it('tells the shopper a held order is under review and uncharged, then how it ended', () => {
    expect(orderReviewText({ status: 'held', heldAt: at, decidedAt: null })).toBe(
      'Your order is being reviewed before payment; nothing has been charged yet.',
    )
    expect(orderReviewText({ status: 'approved', heldAt: at, decidedAt: at })).toBe(
      'Your order passed a security review.',
    )
    expect(orderReviewText({ status: 'rejected', heldAt: at, decidedAt: at })).toMatch(
      /could not be accepted after a security review; nothing was charged/,
    )
    expect(orderReviewText({ status: 'expired', heldAt: at, decidedAt: at })).toMatch(
      /could not be reviewed in time; nothing was charged/,
    )
  })
})
