import type { SpamConfig } from './spam-config'
import type { SpamReason } from './spam-types'

/** Flags a brand-new account reviewing without having bought anything. */
export function newAccountReasons(
  accountCreatedAt: number,
  hasPurchased: boolean,
  now: number,
  config: SpamConfig['newAccount'],
): SpamReason[] {
  const ageMs = now - accountCreatedAt
  if (hasPurchased || ageMs >= config.maxAgeMs) return []
  const hours = Math.max(0, Math.floor(ageMs / 3_600_000))
  return [
    {
      signal: 'new_account_without_purchase',
      weight: config.weight,
      detail: `account is ${hours} h old and has no purchase`,
    },
  ]
}
