import { decryptPii, encryptPii, type PiiKeyRing } from '@emporium/db'

// The checkout plan is an activity result, so Temporal keeps it in the workflow's history, which
// is data at rest outside our database. The shipping address travels there sealed under the PII
// keys: only the country and region the workflow decides on stay readable.

const CONTEXT = 'checkout-plan:shipping-address'

/** The plan's form of an address: what the workflow reads, plus the sealed whole. */
export function sealPlanAddress(
  pii: PiiKeyRing,
  address: Record<string, string | null>,
): Record<string, string | null> {
  return {
    country: address.country ?? null,
    region: address.region ?? null,
    sealed: encryptPii(pii, JSON.stringify(address), CONTEXT),
  }
}

/**
 * The whole address back from a plan. A plan made before addresses were sealed (a checkout in
 * flight across the upgrade) carries it in the clear, and is taken as it is.
 */
export function openPlanAddress(
  pii: PiiKeyRing,
  planAddress: Record<string, string | null>,
): Record<string, string | null> {
  const sealed = planAddress.sealed
  if (!sealed) return planAddress
  return JSON.parse(decryptPii(pii, sealed, CONTEXT)) as Record<string, string | null>
}
