import { describe, expect, it } from 'vitest'
import { STAGE_STEPS, stepIndex } from './checkout-stages'

describe('checkout progress steps', () => {
  it('places payment waits at the charging step and "paid" last', () => {
    expect(stepIndex('awaiting_payment')).toBe(STAGE_STEPS.indexOf('charging'))
    expect(stepIndex('retrying_payment')).toBe(3)
    expect(stepIndex('paid')).toBe(STAGE_STEPS.length - 1)
  })

  it('has no step for stages off the happy path', () => {
    expect(stepIndex('cancelled')).toBe(-1)
    expect(stepIndex('compensating')).toBe(-1)
  })
})
