import { parseDecimal } from '@emporium/domain'
import type { Kysely } from 'kysely'
import { toJson } from '../json'
import type { Database } from '../schema'
import type { SeedCategory, SeedProduct, SellerGroup } from './catalog-data'

const BATCH_SIZE = 50

/** Upserts the category tree, parents first; returns category ids by slug path. */
export async function seedCategories(
  db: Kysely<Database>,
  categories: SeedCategory[],
): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  const byDepth = new Map<number, SeedCategory[]>()
  for (const c of categories) {
    const depth = c.path.split('/').length - 1
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), c])
  }
  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    const rows = (byDepth.get(depth) ?? []).map((c) => {
      const parentPath = c.path.split('/').slice(0, -1).join('/')
      const parentId = depth === 0 ? null : ids.get(parentPath)
      if (parentId === undefined)
        throw new Error(`Category ${c.path} has no parent ${parentPath} in the seed`)
      return {
        parent_id: parentId,
        slug: c.path.split('/').at(-1) ?? c.path,
        path: c.path,
        name: c.name,
        depth,
      }
    })
    const saved = await db
      .insertInto('categories')
      .values(rows)
      .onConflict((oc) =>
        oc.column('path').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })),
      )
      .returning(['id', 'path'])
      .execute()
    for (const r of saved) ids.set(r.path, r.id)
  }
  return ids
}

/** Deterministic demo stock for one SKU in the warehouse at `index` (some are out of stock). */
export function demoStock(sku: string, index: number): number {
  const n = Number.parseInt(sku, 10)
  return Number.isSafeInteger(n) ? (n * (index + 7)) % 41 : 10
}

interface CatalogRefs {
  categories: Map<string, number>
  sellers: Map<SellerGroup, string>
  warehouseIds: number[]
}

/** Upserts one batch of products with options, variants, USD prices, images and stock. */
export async function seedProductBatch(
  db: Kysely<Database>,
  batch: SeedProduct[],
  refs: CatalogRefs,
): Promise<void> {
  const products = await db
    .insertInto('products')
    .values(
      batch.map((p) => {
        const sellerId = refs.sellers.get(p.sellerGroup)
        if (sellerId === undefined) throw new Error(`No demo seller for group ${p.sellerGroup}`)
        return {
          seller_id: sellerId,
          category_id: refs.categories.get(p.categoryPath) ?? null,
          name: p.name,
          slug: p.slug,
          description: p.description,
          brand: p.brand,
          attributes: toJson({ source: 'bestbuy' }),
          tags: [p.sellerGroup],
          status: 'active' as const,
          popularity: p.popularity,
        }
      }),
    )
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet((eb) => ({
        seller_id: eb.ref('excluded.seller_id'),
        category_id: eb.ref('excluded.category_id'),
        name: eb.ref('excluded.name'),
        description: eb.ref('excluded.description'),
        brand: eb.ref('excluded.brand'),
        status: eb.ref('excluded.status'),
        popularity: eb.ref('excluded.popularity'),
        updated_at: new Date(),
      })),
    )
    .returning(['id', 'slug'])
    .execute()
  const productId = new Map(products.map((r) => [r.slug, r.id]))
  const idOf = (p: SeedProduct): string => {
    const id = productId.get(p.slug)
    if (id === undefined) throw new Error(`Product ${p.slug} was not saved`)
    return id
  }

  const optionRows = batch.flatMap((p) =>
    p.options.map((name, position) => ({ product_id: idOf(p), name, position })),
  )
  if (optionRows.length > 0) {
    const options = await db
      .insertInto('product_options')
      .values(optionRows)
      .onConflict((oc) =>
        oc
          .columns(['product_id', 'name'])
          .doUpdateSet((eb) => ({ position: eb.ref('excluded.position') })),
      )
      .returning(['id', 'product_id', 'name'])
      .execute()
    const optionIds = new Map(options.map((o) => [`${o.product_id}/${o.name}`, o.id]))
    const optionId = (p: SeedProduct, name: string): number => {
      const id = optionIds.get(`${idOf(p)}/${name}`)
      if (id === undefined) throw new Error(`Option ${name} of ${p.slug} was not saved`)
      return id
    }
    const valueRows = batch.flatMap((p) =>
      p.options.flatMap((name) =>
        [...new Set(p.variants.map((v) => v.options[name]).filter((v) => v !== undefined))].map(
          (value, position) => ({
            option_id: optionId(p, name),
            value,
            position,
          }),
        ),
      ),
    )
    if (valueRows.length > 0) {
      await db
        .insertInto('product_option_values')
        .values(valueRows)
        .onConflict((oc) => oc.columns(['option_id', 'value']).doNothing())
        .execute()
    }
  }

  const variants = await db
    .insertInto('product_variants')
    .values(
      batch.flatMap((p) =>
        p.variants.map((v, position) => ({
          product_id: idOf(p),
          sku: v.sku,
          title: v.title,
          option_values: toJson(v.options),
          position,
        })),
      ),
    )
    .onConflict((oc) =>
      oc.column('sku').doUpdateSet((eb) => ({
        product_id: eb.ref('excluded.product_id'),
        title: eb.ref('excluded.title'),
        option_values: eb.ref('excluded.option_values'),
        position: eb.ref('excluded.position'),
        updated_at: new Date(),
      })),
    )
    .returning(['id', 'sku'])
    .execute()
  const variantId = new Map(variants.map((v) => [v.sku, v.id]))
  const seeded = batch.flatMap((p) =>
    p.variants.map((v) => {
      const id = variantId.get(v.sku)
      if (id === undefined) throw new Error(`Variant ${v.sku} was not saved`)
      return { p, v, id }
    }),
  )

  await db
    .insertInto('prices')
    .values(
      seeded.map(({ v, id }) => ({
        variant_id: id,
        currency: 'USD',
        amount_minor: parseDecimal(v.price, 'USD').amount,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['variant_id', 'currency']).doUpdateSet((eb) => ({
        amount_minor: eb.ref('excluded.amount_minor'),
        updated_at: new Date(),
      })),
    )
    .execute()

  await db
    .insertInto('product_images')
    .values(
      seeded.map(({ p, v, id }, i) => ({
        product_id: idOf(p),
        variant_id: p.variants.length > 1 ? id : null,
        storage_key: v.image,
        content_type: 'image/jpeg',
        alt_text: p.name,
        position: i,
      })),
    )
    .onConflict((oc) => oc.columns(['product_id', 'storage_key']).doNothing())
    .execute()

  // Stock is set once; a re-run must not overwrite levels that checkouts have since changed.
  const levels = seeded.flatMap(({ v, id }) =>
    refs.warehouseIds.map((warehouseId, index) => ({
      sku: v.sku,
      variant_id: id,
      warehouse_id: warehouseId,
      on_hand: demoStock(v.sku, index),
    })),
  )
  await db
    .insertInto('inventory_levels')
    .values(
      levels.map(({ variant_id, warehouse_id, on_hand }) => ({
        variant_id,
        warehouse_id,
        on_hand,
      })),
    )
    .onConflict((oc) => oc.columns(['variant_id', 'warehouse_id']).doNothing())
    .execute()
  const movements = levels
    .filter((l) => l.on_hand > 0)
    .map((l) => ({
      variant_id: l.variant_id,
      warehouse_id: l.warehouse_id,
      on_hand_delta: l.on_hand,
      reason: 'seed' as const,
      idempotency_key: `seed:${l.sku}:${l.warehouse_id}`,
    }))
  if (movements.length > 0) {
    await db
      .insertInto('stock_movements')
      .values(movements)
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .execute()
  }
}

/** Upserts products in batches, reporting how many are done after each batch. */
export async function seedProducts(
  db: Kysely<Database>,
  products: SeedProduct[],
  refs: CatalogRefs,
  onProgress: (done: number) => void = () => undefined,
): Promise<void> {
  for (let i = 0; i < products.length; i += BATCH_SIZE) {
    const batch = products.slice(i, i + BATCH_SIZE)
    await seedProductBatch(db, batch, refs)
    onProgress(i + batch.length)
  }
}
