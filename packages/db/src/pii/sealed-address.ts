import type { Address } from '../schema'
import { decryptPii, encryptPii, PiiDecryptionError, type PiiKeyRing } from './envelope-cipher'

/** Address-book columns holding personal data; region and country stay plaintext for tax and shipping rules. */
export const SEALED_ADDRESS_COLUMNS = [
  'full_name',
  'line1',
  'line2',
  'city',
  'postal_code',
  'phone',
] as const

export type SealedAddressColumn = (typeof SEALED_ADDRESS_COLUMNS)[number]
export type AddressPersonalFields = Pick<Address, SealedAddressColumn>

// Each value is bound to its column and row: a sealed value copied elsewhere does not open.
export const addressContext = (column: SealedAddressColumn, addressId: string) =>
  `addresses.${column}:${addressId}`

/** The personal fields built column by column from `value` (the required ones are never null in the row it reads). */
export function mapAddressFields(
  value: (column: SealedAddressColumn) => string | null,
): AddressPersonalFields {
  return {
    full_name: value('full_name') as string,
    line1: value('line1') as string,
    line2: value('line2'),
    city: value('city') as string,
    postal_code: value('postal_code') as string,
    phone: value('phone'),
  }
}

/** The personal fields of address `addressId` sealed under the ring's current key, with that key's id. */
export function sealAddressFields(
  ring: PiiKeyRing,
  addressId: string,
  fields: AddressPersonalFields,
): AddressPersonalFields & { pii_key_id: string } {
  const seal = (column: SealedAddressColumn) => {
    const value = fields[column]
    return value === null ? null : encryptPii(ring, value, addressContext(column, addressId))
  }
  return { ...mapAddressFields(seal), pii_key_id: ring.currentId }
}

/**
 * An address row with its personal fields in plaintext. A row from before encryption
 * (`pii_key_id` null) is returned as stored; one that cannot be opened throws a PiiDecryptionError
 * naming the address and its key.
 */
export function openAddress<
  T extends AddressPersonalFields & { id: string; pii_key_id: string | null },
>(ring: PiiKeyRing, row: T): T {
  if (row.pii_key_id === null) return row
  const open = (column: SealedAddressColumn) => {
    const value = row[column]
    if (value === null) return null
    try {
      return decryptPii(ring, value, addressContext(column, row.id))
    } catch (error) {
      throw new PiiDecryptionError(
        `Cannot read ${column} of address ${row.id} (sealed with PII key "${row.pii_key_id}"): ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      )
    }
  }
  return { ...row, ...mapAddressFields(open) }
}
