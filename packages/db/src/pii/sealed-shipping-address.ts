import { toJson } from '../json'
import { decryptPii, encryptPii, PiiDecryptionError, type PiiKeyRing } from './envelope-cipher'

type Snapshot = Record<string, unknown>

/** Keys of an order's address snapshot that stay plaintext: tax, shipping and risk rules read them. */
const PLAIN_KEYS = ['country', 'region'] as const

export const shippingAddressContext = (orderId: string) => `orders.shipping_address:${orderId}`

/** Only the plaintext part (country, region) of a snapshot. */
export function plainPartOf(snapshot: Snapshot): Snapshot {
  return Object.fromEntries(PLAIN_KEYS.filter((k) => k in snapshot).map((k) => [k, snapshot[k]]))
}

/** The order columns storing `snapshot`: the whole of it sealed, country and region in the jsonb. */
export function sealShippingAddress(ring: PiiKeyRing, orderId: string, snapshot: Snapshot) {
  return {
    shipping_address: toJson(plainPartOf(snapshot)),
    shipping_address_sealed: encryptPii(
      ring,
      JSON.stringify(snapshot),
      shippingAddressContext(orderId),
    ),
    pii_key_id: ring.currentId,
  }
}

/**
 * The full shipping snapshot of an order row. A row from before encryption (`pii_key_id` null)
 * keeps it in the jsonb; one that cannot be opened throws a PiiDecryptionError naming the order.
 */
export function openShippingAddress(
  ring: PiiKeyRing,
  row: {
    id: string
    shipping_address: Snapshot
    shipping_address_sealed: string | null
    pii_key_id: string | null
  },
): Snapshot {
  if (row.pii_key_id === null || row.shipping_address_sealed === null) return row.shipping_address
  try {
    return JSON.parse(
      decryptPii(ring, row.shipping_address_sealed, shippingAddressContext(row.id)),
    ) as Snapshot
  } catch (error) {
    throw new PiiDecryptionError(
      `Cannot read the shipping address of order ${row.id} (sealed with PII key "${row.pii_key_id}"): ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    )
  }
}
