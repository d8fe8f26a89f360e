import { describe, expect, it } from 'vitest'
import { fillSalesDays } from './sales-series'

describe('fillSalesDays', () => {
  it('keeps days with sales and fills the gaps with zero days, across a month end', () => {
    const days = fillSalesDays(
      [
        { date: '2026-01-30', revenueMinor: 1500, orders: 2 },
        { date: '2026-02-02', revenueMinor: 900, orders: 1 },
      ],
      '2026-01-30',
      '2026-02-02',
    )
    expect(days).toEqual([
      { date: '2026-01-30', revenueMinor: 1500, orders: 2 },
      { date: '2026-01-31', revenueMinor: 0, orders: 0 },
      { date: '2026-02-01', revenueMinor: 0, orders: 0 },
      { date: '2026-02-02', revenueMinor: 900, orders: 1 },
    ])
  })
})
