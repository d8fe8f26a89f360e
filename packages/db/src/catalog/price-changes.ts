import type { Db } from '../client'
import type { ProductStatus } from '../schema'
import { recordProductEvent } from './product-writes'

/** Which of a seller's prices a bulk change touches. */
export type PriceSelection =
  | { by: 'skus'; skus: readonly string[] }
  | {
      by: 'filter'
      status?: ProductStatus | undefined
      categoryId?: number | undefined
      productIds?: readonly string[] | undefined
    }

/** One price a bulk change touched. */
export interface ChangedPrice {
  sku: string
  productId: string
  before: number
  after: number
}

/**
 * Changes every selected price of `sellerId` in `currency` to what `compute` returns for it (same
 * order) in one transaction, rows locked in id order, recording `price.changed` per product.
 * Listed SKUs that are not the seller's or have no price in `currency` come back as `missing` and
 * nothing changes; `compute` may throw to refuse the whole change.
 */
export function changeSellerPrices(
  db: Db,
  input: { sellerId: string; currency: string; selection: PriceSelection },
  compute: (prices: { sku: string; amountMinor: number }[]) => number[],
): Promise<{ changed: ChangedPrice[] } | { missing: string[] }> {
  return db.transaction().execute(async (trx) => {
    const { selection } = input
    let query = trx
      .selectFrom('prices')
      .innerJoin('product_variants as v', 'v.id', 'prices.variant_id')
      .innerJoin('products as p', 'p.id', 'v.product_id')
      .select(['prices.id', 'prices.amount_minor', 'v.sku', 'p.id as product_id'])
      .where('p.seller_id', '=', input.sellerId)
      .where('prices.currency', '=', input.currency)
    if (selection.by === 'skus') query = query.where('v.sku', 'in', [...selection.skus])
    else {
      if (selection.status) query = query.where('p.status', '=', selection.status)
      if (selection.categoryId !== undefined)
        query = query.where('p.category_id', '=', selection.categoryId)
      if (selection.productIds) query = query.where('p.id', 'in', [...selection.productIds])
    }
    const rows = await query.orderBy('prices.id').forUpdate(['prices']).execute()
    if (selection.by === 'skus') {
      const found = new Set(rows.map((r) => r.sku))
      const missing = [...new Set(selection.skus)].filter((sku) => !found.has(sku))
      if (missing.length > 0) return { missing }
    }
    const amounts = compute(rows.map((r) => ({ sku: r.sku, amountMinor: r.amount_minor })))
    const changed = rows.map((r, i) => ({
      id: r.id,
      sku: r.sku,
      productId: r.product_id,
      before: r.amount_minor,
      after: amounts[i] ?? r.amount_minor,
    }))
    for (const c of changed) {
      if (c.after === c.before) continue
      await trx
        .updateTable('prices')
        .set({ amount_minor: c.after, updated_at: new Date() })
        .where('id', '=', c.id)
        .execute()
    }
    const byProduct = new Map<string, ChangedPrice[]>()
    for (const c of changed) {
      if (c.after === c.before) continue
      byProduct.set(c.productId, [...(byProduct.get(c.productId) ?? []), c])
    }
    for (const [productId, list] of byProduct) {
      await recordProductEvent(trx, productId, 'price.changed', {
        prices: list.map((c) => ({
          sku: c.sku,
          currency: input.currency,
          from: c.before,
          to: c.after,
        })),
      })
    }
    return {
      changed: changed.map(({ sku, productId, before, after }) => ({
        sku,
        productId,
        before,
        after,
      })),
    }
  })
}
