import { describe, expect, it } from 'vitest'
import { ORDER_STATUSES, canTransition, isFinalStatus, type OrderStatus } from './order-status'
import { transition } from './transition'

// Rows are `from`, columns are `to`, in this order; Y = allowed, . = refused.
const COLUMNS: OrderStatus[] = [
  'pending',
  'paid',
  'fulfilling',
  'shipped',
  'delivered',
  'cancelled',
  'partially_refunded',
  'refunded',
]
//                                          pend paid fulf ship deli canc part refd
const EXPECTED: Record<OrderStatus, string> = {
  pending: /*                          */ ' .    Y    .    .    .    Y    .    . ',
  paid: /*                             */ ' .    .    Y    .    .    Y    Y    Y ',
  fulfilling: /*                       */ ' .    .    .    Y    .    .    Y    Y ',
  shipped: /*                          */ ' .    .    .    .    Y    .    Y    Y ',
  delivered: /*                        */ ' .    .    .    .    .    .    Y    Y ',
  cancelled: /*                        */ ' .    .    .    .    .    .    .    . ',
  partially_refunded: /*               */ ' .    .    .    .    .    .    Y    Y ',
  refunded: /*                         */ ' .    .    .    .    .    .    .    . ',
}

const pairs = ORDER_STATUSES.flatMap((from) =>
  ORDER_STATUSES.map((to) => {
    const row = EXPECTED[from].trim().split(/\s+/)
    return { from, to, allowed: row[COLUMNS.indexOf(to)] === 'Y' }
  }),
)

describe('order status machine', () => {
  it('covers every status in the expected table', () => {
    expect([...ORDER_STATUSES].sort()).toEqual([...COLUMNS].sort())
    for (const row of Object.values(EXPECTED)) expect(row.trim().split(/\s+/)).toHaveLength(8)
    expect(pairs).toHaveLength(64)
    expect(pairs.filter((p) => p.allowed)).toHaveLength(16)
  })

  it.each(pairs)('$from → $to allowed: $allowed', ({ from, to, allowed }) => {
    expect(canTransition(from, to)).toBe(allowed)
    const result = transition({ status: from, history: [] }, to, new Date('2025-01-01T00:00:00Z'))
    expect(result.ok).toBe(allowed)
    if (result.ok) expect(result.order.status).toBe(to)
    else expect(result.error).toMatchObject({ code: 'INVALID_TRANSITION', from, to })
  })

  it('treats cancelled and refunded as final', () => {
    expect(ORDER_STATUSES.filter(isFinalStatus)).toEqual(['cancelled', 'refunded'])
  })
})
