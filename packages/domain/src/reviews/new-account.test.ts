import { describe, expect, it } from 'vitest'
import { newAccountReasons } from './new-account'
import { DEFAULT_SPAM_CONFIG } from './spam-config'

const now = Date.UTC(2026, 0, 1, 12)
const hoursAgo = (h: number) => now - h * 3_600_000

describe('newAccountReasons', () => {
  it('fires for a five-hour-old account without a purchase', () => {
    expect(newAccountReasons(hoursAgo(5), false, now, DEFAULT_SPAM_CONFIG.newAccount)).toEqual([
      {
        signal: 'new_account_without_purchase',
        weight: 0.35,
        detail: 'account is 5 h old and has no purchase',
      },
    ])
  })

  it('stays quiet for a new account that bought the product', () => {
    expect(newAccountReasons(hoursAgo(5), true, now, DEFAULT_SPAM_CONFIG.newAccount)).toEqual([])
  })

  it('stays quiet for an established account without a purchase', () => {
    expect(
      newAccountReasons(hoursAgo(24 * 90), false, now, DEFAULT_SPAM_CONFIG.newAccount),
    ).toEqual([])
  })
})
