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

// The checkout plan is an activity result, so Temporal keeps it in the workflow's history: data at
// rest outside our database. The shipping address travels there sealed the same way, with only
// the plaintext part (country, region) the workflow decides on readable.
const PLAN_CONTEXT = 'checkout-plan:shipping-address'

/** The checkout plan's form of an address: its plaintext part plus the sealed whole. */
export function sealPlanAddress(
  ring: PiiKeyRing,
  address: Record<string, string | null>,
): Record<string, string | null> {
  return {
    ...(plainPartOf(address) as Record<string, string | null>),
    sealed: encryptPii(ring, JSON.stringify(address), PLAN_CONTEXT),
  }
}

/**
 * The whole address back from a checkout plan. A plan made before addresses were sealed (a
 * checkout in flight across the upgrade) carries it in the clear, and is taken as it is.
 */
export function openPlanAddress(
  ring: PiiKeyRing,
  planAddress: Record<string, string | null>,
): Record<string, string | null> {
  const sealed = planAddress.sealed
  if (!sealed) return planAddress
  return JSON.parse(decryptPii(ring, sealed, PLAN_CONTEXT)) as Record<string, string | null>
}
