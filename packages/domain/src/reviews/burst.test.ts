import { describe, expect, it } from 'vitest'
import { accountBurstReasons, productBurstReasons } from './burst'
import { DEFAULT_SPAM_CONFIG } from './spam-config'

const now = Date.UTC(2026, 0, 1, 12)
const minutesAgo = (m: number) => now - m * 60_000

describe('accountBurstReasons', () => {
  it('fires when the account posts its third review within the hour', () => {
    expect(
      accountBurstReasons([minutesAgo(5), minutesAgo(40)], now, DEFAULT_SPAM_CONFIG.accountBurst),
    ).toEqual([
      { signal: 'account_burst', weight: 0.5, detail: '3 reviews by this account within 1 h' },
    ])
  })

  it('weighs more reviews more, up to the cap', () => {
    const six = accountBurstReasons(
      [1, 2, 3, 4, 5].map(minutesAgo),
      now,
      DEFAULT_SPAM_CONFIG.accountBurst,
    )
    const twenty = accountBurstReasons(
      Array.from({ length: 19 }, (_, i) => minutesAgo(i + 1)),
      now,
      DEFAULT_SPAM_CONFIG.accountBurst,
    )
    expect(six[0]?.weight).toBeCloseTo(0.8)
    expect(twenty[0]?.weight).toBe(DEFAULT_SPAM_CONFIG.accountBurst.maxWeight)
  })

  it('stays quiet for reviews spread over weeks or outside the window', () => {
    expect(
      accountBurstReasons(
        [minutesAgo(61), minutesAgo(60 * 24 * 7), minutesAgo(60 * 24 * 30)],
        now,
        DEFAULT_SPAM_CONFIG.accountBurst,
      ),
    ).toEqual([])
    expect(accountBurstReasons([minutesAgo(10)], now, DEFAULT_SPAM_CONFIG.accountBurst)).toEqual([])
  })
})

describe('productBurstReasons', () => {
  it('fires when a product gets twenty reviews within the hour', () => {
    const times = Array.from({ length: 19 }, (_, i) => minutesAgo(i * 3))
    expect(productBurstReasons(times, now, DEFAULT_SPAM_CONFIG.productBurst)[0]?.detail).toBe(
      '20 reviews of this product within 1 h',
    )
  })

  it('stays quiet on a steady trickle of reviews', () => {
    const times = Array.from({ length: 30 }, (_, i) => minutesAgo((i + 1) * 60 * 6))
    expect(productBurstReasons(times, now, DEFAULT_SPAM_CONFIG.productBurst)).toEqual([])
  })
})
