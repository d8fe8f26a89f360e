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
export { openAddress, SEALED_ADDRESS_COLUMNS } from './sealed-address'
export {
  openPlanAddress,
  openShippingAddress,
  sealPlanAddress,
  sealShippingAddress,
} from './sealed-shipping-address'
export {
  countRowsToReencrypt,
  reencryptPersonalData,
  type ReencryptOptions,
  type ReencryptResult,
} from './reencrypt-personal-data'
