import { z } from 'zod'
import { InvalidArgumentError } from '../errors'

/**
 * How a fractional minor unit is resolved: `half-even` (banker's rounding, ties to the even
 * neighbour), `half-up` (ties away from zero), `floor` (towards −∞), `ceil` (towards +∞).
 */
export type RoundingMode = 'half-even' | 'half-up' | 'floor' | 'ceil'

/** Every rounding mode, for schemas and validation. */
export const ROUNDING_MODES = [
  'half-even',
  'half-up',
  'floor',
  'ceil',
] as const satisfies readonly RoundingMode[]

/** Zod schema for a rounding mode, for API inputs that let a caller choose one. */
export const RoundingModeSchema = z.enum(ROUNDING_MODES, {
  error: (issue) =>
    `Rounding mode must be one of ${ROUNDING_MODES.join(', ')}, got ${JSON.stringify(issue.input)}`,
})

/** Throws `InvalidArgumentError` unless `mode` is a known rounding mode. */
export function assertRoundingMode(mode: unknown): asserts mode is RoundingMode {
  if (!(ROUNDING_MODES as readonly unknown[]).includes(mode)) {
    throw new InvalidArgumentError(
      `Unknown rounding mode ${JSON.stringify(mode)}; use one of ${ROUNDING_MODES.join(', ')}`,
    )
  }
}

/** Exact `numerator / denominator` rounded to an integer with `mode`, in BigInt arithmetic. */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  assertRoundingMode(mode)
  if (denominator === 0n) throw new InvalidArgumentError('Cannot divide an amount by zero')
  const n = denominator < 0n ? -numerator : numerator
  const d = denominator < 0n ? -denominator : denominator
  const quotient = n / d // truncates towards zero
  const remainder = n % d // same sign as n
  if (remainder === 0n) return quotient
  const awayFromZero = quotient + (n < 0n ? -1n : 1n)
  switch (mode) {
    case 'floor':
      return n < 0n ? quotient - 1n : quotient
    case 'ceil':
      return n > 0n ? quotient + 1n : quotient
    case 'half-up': {
      const twice = 2n * (remainder < 0n ? -remainder : remainder)
      return twice >= d ? awayFromZero : quotient
    }
    case 'half-even': {
      const twice = 2n * (remainder < 0n ? -remainder : remainder)
      if (twice > d) return awayFromZero
      if (twice < d) return quotient
      return quotient % 2n === 0n ? quotient : awayFromZero
    }
  }
}
