export {
  decryptPii,
  encryptPii,
  isSealedPii,
  parsePiiKeyRing,
  PiiDecryptionError,
  piiKeyIdOf,
  rewrapPii,
  type PiiKeyRing,
} from './envelope-cipher'
export { piiKeyRingOf } from './pii-key-ring'
