import { describe, expect, it } from 'vitest'
import { orderStatusText } from './order-status-text'

describe('orderStatusText', () => {
  it('reads statuses as words', () => {
    expect(orderStatusText('paid')).toBe('Paid')
    expect(orderStatusText('pending')).toBe('Pending')
  })
})
