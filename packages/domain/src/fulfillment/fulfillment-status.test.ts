import { describe, expect, it } from 'vitest'
import { ORDER_STATUSES } from '../orders/order-status'
import { advanceOrder, packRefusal, progressOf, shipRefusal } from './fulfillment-status'

const now = new Date('2026-03-01T10:00:00Z')

describe('progressOf', () => {
  it('adds up the fulfillments of an order, ignoring cancelled ones', () => {
    expect(progressOf(['pending', 'pending'])).toBe('paid')
    expect(progressOf(['pending', 'packed'])).toBe('fulfilling')
    expect(progressOf(['shipped', 'pending'])).toBe('fulfilling')
    expect(progressOf(['delivered', 'packed'])).toBe('fulfilling')
    expect(progressOf(['shipped', 'delivered'])).toBe('shipped')
    expect(progressOf(['delivered', 'delivered', 'cancelled'])).toBe('delivered')
    expect(progressOf(['cancelled'])).toBeNull()
    expect(progressOf([])).toBeNull()
  })
})

describe('advanceOrder', () => {
  it('walks a paid order through fulfilling to shipped when its only parcel leaves', () => {
    const steps = advanceOrder('paid', ['shipped'], now, 'shipped by seller')
    expect(steps).toEqual([
      { from: 'paid', to: 'fulfilling', at: now.toISOString(), reason: 'shipped by seller' },
      { from: 'fulfilling', to: 'shipped', at: now.toISOString(), reason: 'shipped by seller' },
    ])
  })

  it('stops at fulfilling while another seller has not shipped, then finishes', () => {
    expect(advanceOrder('paid', ['shipped', 'pending'], now).map((s) => s.to)).toEqual([
      'fulfilling',
    ])
    expect(advanceOrder('fulfilling', ['shipped', 'pending'], now)).toEqual([])
    expect(advanceOrder('fulfilling', ['shipped', 'shipped'], now).map((s) => s.to)).toEqual([
      'shipped',
    ])
    expect(advanceOrder('shipped', ['delivered', 'shipped'], now)).toEqual([])
    expect(advanceOrder('shipped', ['delivered', 'delivered'], now).map((s) => s.to)).toEqual([
      'delivered',
    ])
  })

  it('never moves an order backwards or out of a refund or cancellation', () => {
    for (const status of ORDER_STATUSES) {
      if (['paid', 'fulfilling', 'shipped'].includes(status)) continue
      expect(advanceOrder(status, ['delivered'], now)).toEqual([])
    }
    expect(advanceOrder('shipped', ['shipped', 'pending'], now)).toEqual([])
  })
})

describe('shipRefusal', () => {
  it('allows shipping a waiting fulfillment of a paid, fulfilling or partly refunded order', () => {
    for (const order of ['paid', 'fulfilling', 'partially_refunded'] as const)
      for (const fulfillment of ['pending', 'packed'] as const)
        expect(shipRefusal(order, fulfillment)).toBeNull()
  })

  it('refuses unpaid, cancelled and refunded orders and parcels already sent, saying why', () => {
    expect(shipRefusal('pending', 'pending')?.message).toBe(
      'This order has not been paid yet, so it cannot be shipped.',
    )
    expect(shipRefusal('cancelled', 'pending')?.message).toBe(
      'This order was cancelled, so it cannot be shipped.',
    )
    expect(shipRefusal('refunded', 'pending')?.message).toBe(
      'This order was refunded in full, so it cannot be shipped.',
    )
    expect(shipRefusal('fulfilling', 'shipped')?.message).toBe(
      'This fulfillment is already shipped.',
    )
    expect(shipRefusal('paid', 'cancelled')?.message).toBe(
      'This fulfillment was cancelled, so it cannot be shipped.',
    )
  })
})

describe('packRefusal', () => {
  it('packs a pending fulfillment of a paid order once', () => {
    expect(packRefusal('paid', 'pending')).toBeNull()
    expect(packRefusal('fulfilling', 'packed')?.message).toBe('This fulfillment is already packed.')
    expect(packRefusal('shipped', 'shipped')?.message).toBe('This fulfillment is already shipped.')
    expect(packRefusal('pending', 'pending')?.message).toBe(
      'This order has not been paid yet, so it cannot be packed.',
    )
    expect(packRefusal('cancelled', 'pending')?.message).toBe(
      'This order was cancelled, so it cannot be packed.',
    )
  })
})
