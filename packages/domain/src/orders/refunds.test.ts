import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CurrencyMismatchError,
  InvalidAmountError,
  InvalidArgumentError,
  RefundExceedsRemainingError,
} from '../errors'
import { money } from '../money'
import { refundableRemaining, validateRefund } from './refunds'

const usd = (amount: number) => money(amount, 'USD')
const captured = usd(5000)

describe('refundableRemaining', () => {
  it('subtracts every refund so far', () => {
    expect(refundableRemaining(captured, [])).toEqual(usd(5000))
    expect(refundableRemaining(captured, [usd(1500), usd(2000)])).toEqual(usd(1500))
    expect(refundableRemaining(captured, [usd(5000)])).toEqual(usd(0))
  })

  it('throws on impossible records', () => {
    expect(() => refundableRemaining(captured, [usd(3000), usd(2001)])).toThrow(
      InvalidArgumentError,
    )
    expect(() => refundableRemaining(captured, [usd(0)])).toThrow(InvalidAmountError)
    expect(() => refundableRemaining(captured, [money(100, 'EUR')])).toThrow(CurrencyMismatchError)
  })
})

describe('validateRefund', () => {
  it('allows partial refunds up to exactly the captured amount', () => {
    expect(validateRefund(captured, [], usd(2000))).toEqual({
      ok: true,
      remainingAfter: usd(3000),
      status: 'partially_refunded',
    })
    expect(validateRefund(captured, [usd(2000)], usd(3000))).toEqual({
      ok: true,
      remainingAfter: usd(0),
      status: 'refunded',
    })
  })

  it('refuses one cent more than is left, saying how much is left', () => {
    const result = validateRefund(captured, [usd(2000)], usd(3001))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toBeInstanceOf(RefundExceedsRemainingError)
    expect(result.error.message).toBe(
      'Cannot refund $30.01: only $30.00 of the $50.00 captured is left to refund',
    )
    expect(result.error).toMatchObject({
      code: 'REFUND_EXCEEDS_REMAINING',
      remaining: 3000,
      requested: 3001,
    })
    const done = validateRefund(captured, [usd(5000)], usd(1))
    expect(!done.ok && done.error.message).toBe(
      'Nothing is left to refund: the full $50.00 has already been refunded',
    )
  })

  it('refuses a refund of nothing and a refund in another currency', () => {
    const zero = validateRefund(captured, [], usd(0))
    expect(!zero.ok && zero.error).toBeInstanceOf(InvalidAmountError)
    expect(() => validateRefund(captured, [], money(100, 'EUR'))).toThrow(CurrencyMismatchError)
  })

  it('accepts a request exactly when it fits in what is left', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (capture, previous, request) => {
          fc.pre(previous.reduce((a, b) => a + b, 0) <= capture)
          const left = capture - previous.reduce((a, b) => a + b, 0)
          const result = validateRefund(usd(capture), previous.map(usd), usd(request))
          expect(result.ok).toBe(request <= left)
          if (result.ok) expect(result.remainingAfter.amount).toBe(left - request)
        },
      ),
    )
  })
})
