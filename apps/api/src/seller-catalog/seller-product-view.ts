import type { ProductDetails, SellerProductRow } from '@emporium/db'
import type { CurrencyCode } from '@emporium/domain'
import type { SellerProductSummary, SellerProductView } from '@emporium/domain/catalog'

/** A product as its seller sees it; prices stay integer minor units. */
export function toSellerProductView(d: ProductDetails): SellerProductView {
  const p = d.product
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    brand: p.brand,
    categoryId: p.category_id,
    categoryPath: d.categoryPath,
    attributes: p.attributes as SellerProductView['attributes'],
    tags: p.tags,
    status: p.status,
    options: d.options,
    variants: d.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      title: v.title,
      optionValues: v.option_values,
      weightGrams: v.weight_grams,
      prices: v.prices.map((price) => ({
        amount: price.amount_minor,
        currency: price.currency as CurrencyCode,
      })),
    })),
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
  }
}

/** A row of the seller's product list. */
export function toSellerProductSummary(row: SellerProductRow): SellerProductSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    variantCount: Number(row.variant_count),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  }
}
