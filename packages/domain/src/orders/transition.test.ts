import { describe, expect, it } from 'vitest'
import { InvalidArgumentError, InvalidTransitionError } from '../errors'
import type { StatusHistoryEntry } from './order'
import type { OrderStatus } from './order-status'
import { transition } from './transition'

const now = new Date('2025-03-04T05:06:07Z')
const order = {
  id: 'ord_1',
  status: 'paid' as OrderStatus,
  history: [
    { from: 'pending', to: 'paid', at: '2025-03-04T05:00:00.000Z' },
  ] as StatusHistoryEntry[],
}

describe('transition', () => {
  it('returns a new order with the change appended to its history, leaving the input alone', () => {
    const result = transition(order, 'fulfilling', now, 'picked by warehouse EU-1')
    expect(result).toEqual({
      ok: true,
      refundRequired: false,
      entry: {
        from: 'paid',
        to: 'fulfilling',
        at: '2025-03-04T05:06:07.000Z',
        reason: 'picked by warehouse EU-1',
      },
      order: {
        id: 'ord_1',
        status: 'fulfilling',
        history: [
          { from: 'pending', to: 'paid', at: '2025-03-04T05:00:00.000Z' },
          {
            from: 'paid',
            to: 'fulfilling',
            at: '2025-03-04T05:06:07.000Z',
            reason: 'picked by warehouse EU-1',
          },
        ],
      },
    })
    expect(order.status).toBe('paid')
    expect(order.history).toHaveLength(1)
  })

  it('flags that cancelling a paid order needs a full refund, but not a pending one', () => {
    expect(transition(order, 'cancelled', now)).toMatchObject({ ok: true, refundRequired: true })
    expect(transition({ ...order, status: 'pending' }, 'cancelled', now)).toMatchObject({
      ok: true,
      refundRequired: false,
    })
  })

  it('explains a refused change and what is possible instead', () => {
    const shipped = transition({ ...order, status: 'shipped' }, 'cancelled', now)
    expect(shipped.ok).toBe(false)
    if (shipped.ok) return
    expect(shipped.error).toBeInstanceOf(InvalidTransitionError)
    expect(shipped.error.message).toBe(
      'A shipped order cannot become cancelled; it can become delivered, partially refunded or refunded',
    )
    expect(shipped.error.allowed).toEqual(['delivered', 'partially_refunded', 'refunded'])
    const final = transition({ ...order, status: 'refunded' }, 'paid', now)
    expect(!final.ok && final.error.message).toBe('A refunded order cannot change status any more')
    const same = transition(order, 'paid', now)
    expect(!same.ok && same.error.message).toBe('The order is already paid')
  })

  it('throws on an unknown status or an invalid clock', () => {
    expect(() => transition(order, 'lost' as OrderStatus, now)).toThrow(InvalidArgumentError)
    expect(() => transition(order, 'fulfilling', new Date(Number.NaN))).toThrow(
      InvalidArgumentError,
    )
  })
})
