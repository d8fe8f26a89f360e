// The cipher lives in @emporium/db, where personal data is sealed and opened; infra adds the keys from config.
export {
  decryptPii,
  encryptPii,
  isSealedPii,
  parsePiiKeyRing,
  PiiDecryptionError,
  piiKeyIdOf,
  rewrapPii,
  type PiiKeyRing,
} from '@emporium/db'
export { piiKeyRingOf } from './pii-key-ring'
