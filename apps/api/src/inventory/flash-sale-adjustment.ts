import { TRPCError } from '@trpc/server'
import { sellerVariantAvailable, type Db } from '@emporium/db'
import { flashSaleUnits, resizeFlashSale, type Redis } from '@emporium/infra'

/**
 * After a stock adjustment has committed, moves the variant's open flash-sale gate by the same
 * units: received stock becomes sellable in the running sale, written-off stock leaves it. Only the
 * call that applied the adjustment comes here, so a retry with the same key adds nothing. Growth is
 * capped at what Postgres has available; Postgres still refuses any oversell.
 */
export async function moveFlashSaleGate(
  db: Db,
  redis: Redis,
  change: { sellerId: string; variantId: string; onHandDelta: number },
): Promise<number | null> {
  if (change.onHandDelta === 0) return null
  try {
    if ((await flashSaleUnits(redis, change.variantId)) === null) return null
    const ceiling =
      change.onHandDelta > 0
        ? ((await sellerVariantAvailable(db, change.sellerId, change.variantId)) ?? 0)
        : 0
    return await resizeFlashSale(redis, change.variantId, change.onHandDelta, ceiling)
  } catch (error) {
    throw new TRPCError({
      code: 'INTERNAL_SERVER_ERROR',
      message:
        'The stock change was saved, but the flash sale could not take it in; end and restart the flash sale to sell the new units.',
      cause: error,
    })
  }
}
