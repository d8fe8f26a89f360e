import type { Db } from '../client'
import type { Product, ProductStatus } from '../schema'
import { lockSellerProduct, recordProductEvent } from './product-writes'

const EVENT_OF: Record<ProductStatus, string> = {
  active: 'product.published',
  archived: 'product.archived',
  draft: 'product.restored',
}

/** The locked product and its variants' price counts, for the caller's transition rules. */
export interface StatusCheckInput {
  product: Product
  variants: { sku: string; prices: number[] }[]
}

/**
 * Moves a seller's product to `to` and records `product.published` / `product.archived` /
 * `product.restored` in the same transaction. `check` sees the locked product with its
 * variants' prices and may throw to refuse; undefined = not this seller's product.
 */
export function changeProductStatus(
  db: Db,
  input: { sellerId: string; productId: string; to: ProductStatus },
  check: (current: StatusCheckInput) => void,
): Promise<Product | undefined> {
  return db.transaction().execute(async (trx) => {
    const product = await lockSellerProduct(trx, input.sellerId, input.productId)
    if (!product) return undefined
    const rows = await trx
      .selectFrom('product_variants as v')
      .leftJoin('prices as p', 'p.variant_id', 'v.id')
      .select(['v.sku', 'p.amount_minor'])
      .where('v.product_id', '=', product.id)
      .orderBy('v.position')
      .execute()
    const variants = new Map<string, number[]>()
    for (const row of rows) {
      const prices = variants.get(row.sku) ?? []
      if (row.amount_minor !== null) prices.push(row.amount_minor)
      variants.set(row.sku, prices)
    }
    check({ product, variants: [...variants].map(([sku, prices]) => ({ sku, prices })) })
    const updated = await trx
      .updateTable('products')
      .set({ status: input.to, updated_at: new Date() })
      .where('id', '=', product.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await recordProductEvent(trx, product.id, EVENT_OF[input.to], {
      sellerId: input.sellerId,
      from: product.status,
    })
    return updated
  })
}
