import type { SpamConfig } from './spam-config'
import type { SpamReason } from './spam-types'

function countInWindow(times: readonly number[], now: number, windowMs: number): number {
  return times.filter((t) => t <= now && t > now - windowMs).length
}

function minutes(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${Math.round(ms / 60_000)} min`
}

/** Flags an account posting many reviews in a short window (this review included). */
export function accountBurstReasons(
  earlierTimes: readonly number[],
  now: number,
  config: SpamConfig['accountBurst'],
): SpamReason[] {
  const count = countInWindow(earlierTimes, now, config.windowMs) + 1
  if (count < config.threshold) return []
  const weight = Math.min(
    config.maxWeight,
    config.baseWeight + config.stepWeight * (count - config.threshold),
  )
  return [
    {
      signal: 'account_burst',
      weight,
      detail: `${count} reviews by this account within ${minutes(config.windowMs)}`,
    },
  ]
}

/** Flags a product receiving many reviews in a short window, as a coordinated campaign would. */
export function productBurstReasons(
  earlierTimes: readonly number[],
  now: number,
  config: SpamConfig['productBurst'],
): SpamReason[] {
  const count = countInWindow(earlierTimes, now, config.windowMs) + 1
  if (count < config.threshold) return []
  return [
    {
      signal: 'product_burst',
      weight: config.weight,
      detail: `${count} reviews of this product within ${minutes(config.windowMs)}`,
    },
  ]
}
