import type { VariantDraft } from '@emporium/domain/catalog'
import type { Db } from '../client'
import { toJson } from '../json'
import { recordOutboxEvent } from '../outbox'
import type { Product, ProductStatus } from '../schema'

/** Everything a seller sets on a product; variants come from the domain's `buildVariants`. */
export interface ProductWrite {
  readonly categoryId: number | null
  readonly name: string
  readonly description: string
  readonly brand: string | null
  readonly attributes: Readonly<Record<string, string | number | boolean>>
  readonly tags: readonly string[]
  readonly options: readonly { readonly name: string; readonly values: readonly string[] }[]
  readonly variants: readonly VariantDraft[]
}

/** Records a product event; payloads stay minimal (ids and what changed), readers load the rest. */
export function recordProductEvent(
  trx: Db,
  productId: string,
  eventType: string,
  payload: Record<string, unknown>,
) {
  return recordOutboxEvent(trx, {
    aggregateType: 'product',
    aggregateId: productId,
    eventType,
    payload,
  })
}

const productColumns = (p: ProductWrite) => ({
  category_id: p.categoryId,
  name: p.name,
  description: p.description,
  brand: p.brand,
  attributes: toJson(p.attributes),
  tags: [...p.tags],
})

async function replaceOptions(trx: Db, productId: string, options: ProductWrite['options']) {
  await trx.deleteFrom('product_options').where('product_id', '=', productId).execute()
  for (const [position, option] of options.entries()) {
    const { id } = await trx
      .insertInto('product_options')
      .values({ product_id: productId, name: option.name, position })
      .returning('id')
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('product_option_values')
      .values(option.values.map((value, i) => ({ option_id: id, value, position: i })))
      .execute()
  }
}

/** A price that was set, changed or removed by a write. */
export interface PriceDelta {
  sku: string
  currency: string
  from: number | null
  to: number | null
}

/** Makes the variants and their prices match `variants`, keyed by SKU; returns the price changes. */
async function syncVariants(
  trx: Db,
  productId: string,
  variants: readonly VariantDraft[],
): Promise<PriceDelta[]> {
  const existing = await trx
    .selectFrom('product_variants')
    .select(['id', 'sku'])
    .where('product_id', '=', productId)
    .orderBy('id')
    .forUpdate()
    .execute()
  const wanted = new Set(variants.map((v) => v.sku))
  const gone = existing.filter((v) => !wanted.has(v.sku)).map((v) => v.id)
  const deltas: PriceDelta[] = []
  if (gone.length > 0) {
    const removed = await trx
      .selectFrom('prices')
      .innerJoin('product_variants as v', 'v.id', 'prices.variant_id')
      .select(['v.sku', 'prices.currency', 'prices.amount_minor'])
      .where('prices.variant_id', 'in', gone)
      .execute()
    for (const p of removed)
      deltas.push({ sku: p.sku, currency: p.currency, from: p.amount_minor, to: null })
    await trx.deleteFrom('product_variants').where('id', 'in', gone).execute()
  }
  const ids = new Map(existing.map((v) => [v.sku, v.id]))
  for (const v of variants) {
    const columns = {
      title: v.title,
      option_values: toJson(v.optionValues),
      weight_grams: v.weightGrams,
      position: v.position,
    }
    let id = ids.get(v.sku)
    if (id === undefined) {
      id = (
        await trx
          .insertInto('product_variants')
          .values({ product_id: productId, sku: v.sku, ...columns })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    } else {
      await trx
        .updateTable('product_variants')
        .set({ ...columns, updated_at: new Date() })
        .where('id', '=', id)
        .execute()
    }
    deltas.push(...(await syncPrices(trx, id, v)))
  }
  return deltas
}

async function syncPrices(trx: Db, variantId: string, v: VariantDraft): Promise<PriceDelta[]> {
  const current = await trx
    .selectFrom('prices')
    .select(['currency', 'amount_minor'])
    .where('variant_id', '=', variantId)
    .execute()
  const before = new Map(current.map((p) => [p.currency, p.amount_minor]))
  const deltas: PriceDelta[] = []
  for (const price of v.prices) {
    const from = before.get(price.currency) ?? null
    before.delete(price.currency)
    if (from === price.amount) continue
    deltas.push({ sku: v.sku, currency: price.currency, from, to: price.amount })
    await trx
      .insertInto('prices')
      .values({ variant_id: variantId, currency: price.currency, amount_minor: price.amount })
      .onConflict((oc) =>
        oc
          .constraint('prices_variant_currency_key')
          .doUpdateSet({ amount_minor: price.amount, updated_at: new Date() }),
      )
      .execute()
  }
  for (const [currency, from] of before) {
    deltas.push({ sku: v.sku, currency, from, to: null })
    await trx
      .deleteFrom('prices')
      .where('variant_id', '=', variantId)
      .where('currency', '=', currency)
      .execute()
  }
  return deltas
}

/**
 * Creates a product of `sellerId` with its options, variants and prices, and records
 * `product.created` (plus `product.published` when created active), all in one transaction.
 */
export function createProduct(
  db: Db,
  input: {
    id: string
    sellerId: string
    slug: string
    status: ProductStatus
    product: ProductWrite
  },
): Promise<Product> {
  return db.transaction().execute(async (trx) => {
    const product = await trx
      .insertInto('products')
      .values({
        id: input.id,
        seller_id: input.sellerId,
        slug: input.slug,
        status: input.status,
        ...productColumns(input.product),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await replaceOptions(trx, product.id, input.product.options)
    await syncVariants(trx, product.id, input.product.variants)
    await recordProductEvent(trx, product.id, 'product.created', { sellerId: input.sellerId })
    if (input.status === 'active')
      await recordProductEvent(trx, product.id, 'product.published', { sellerId: input.sellerId })
    return product
  })
}

/** Locks a product of `sellerId`; undefined when it does not exist or belongs to another seller. */
export function lockSellerProduct(trx: Db, sellerId: string, productId: string) {
  return trx
    .selectFrom('products')
    .selectAll()
    .where('id', '=', productId)
    .where('seller_id', '=', sellerId)
    .forUpdate()
    .executeTakeFirst()
}

/**
 * Replaces a seller's product (fields, options, variants by SKU, prices) and records
 * `product.updated`, plus `price.changed` when a price was set, changed or removed. `check`
 * sees the locked product first and may throw to refuse; undefined = not this seller's product.
 */
export function updateProduct(
  db: Db,
  input: { sellerId: string; productId: string; product: ProductWrite },
  check: (current: Product) => void,
): Promise<Product | undefined> {
  return db.transaction().execute(async (trx) => {
    const current = await lockSellerProduct(trx, input.sellerId, input.productId)
    if (!current) return undefined
    check(current)
    const product = await trx
      .updateTable('products')
      .set({ ...productColumns(input.product), updated_at: new Date() })
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await replaceOptions(trx, product.id, input.product.options)
    const deltas = await syncVariants(trx, product.id, input.product.variants)
    await recordProductEvent(trx, product.id, 'product.updated', { sellerId: input.sellerId })
    if (deltas.length > 0)
      await recordProductEvent(trx, product.id, 'price.changed', { prices: deltas })
    return product
  })
}
