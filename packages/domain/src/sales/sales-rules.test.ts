import { describe, expect, it } from 'vitest'
import { SalesStatsInput, daysBetween, fillDays, isTimeZone } from './sales-rules'

describe('sales stats input', () => {
  it('takes a date range up to 366 days in a known time zone', () => {
    expect(SalesStatsInput.parse({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      timeZone: 'UTC',
      topLimit: 5,
    })
    const refused = (input: object) =>
      SalesStatsInput.safeParse(input).error?.issues.map((i) => i.message)
    expect(refused({ from: '2026-03-02', to: '2026-03-01' })).toEqual([
      'To must not be before from',
    ])
    expect(refused({ from: '2025-01-01', to: '2026-01-02' })).toEqual([
      'Ask for at most 366 days at a time',
    ])
    expect(refused({ from: '2026-02-30', to: '2026-03-01' })).toEqual([
      'From must be a date like 2026-03-01',
    ])
    expect(refused({ from: '2026-03-01', to: '2026-03-01', timeZone: 'Mars/Olympus' })).toEqual([
      'Time zone must be an IANA name like Europe/Berlin',
    ])
    expect(isTimeZone('Europe/Berlin')).toBe(true)
  })
})

describe('daysBetween and fillDays', () => {
  it('lists every day across a month end and fills the quiet ones with zeros', () => {
    const days = daysBetween('2026-02-27', '2026-03-02')
    expect(days).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'])
    expect(
      fillDays(days, [{ day: '2026-03-01', revenueMinor: 1500, orders: 2, units: 3 }]),
    ).toEqual([
      { day: '2026-02-27', revenueMinor: 0, orders: 0, units: 0 },
      { day: '2026-02-28', revenueMinor: 0, orders: 0, units: 0 },
      { day: '2026-03-01', revenueMinor: 1500, orders: 2, units: 3 },
      { day: '2026-03-02', revenueMinor: 0, orders: 0, units: 0 },
    ])
  })
})
