import type { Config } from '../config'
import { parsePiiKeyRing, type PiiKeyRing } from '@emporium/db'

/** The key ring configured by PII_ENCRYPTION_KEYS and PII_ENCRYPTION_KEY_ID. */
export const piiKeyRingOf = (
  config: Pick<Config, 'PII_ENCRYPTION_KEYS' | 'PII_ENCRYPTION_KEY_ID'>,
): PiiKeyRing => parsePiiKeyRing(config.PII_ENCRYPTION_KEYS, config.PII_ENCRYPTION_KEY_ID)
