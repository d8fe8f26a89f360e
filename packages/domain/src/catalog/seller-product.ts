import { z } from 'zod'
import { MoneySchema } from '../money'
import { ProductStatusSchema } from './product-status'

/** The web address part of a product: its name as words plus the id's first 8 characters. */
export function productSlug(name: string, productId: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '')
  return `${words || 'product'}-${productId.slice(0, 8).toLowerCase()}`
}

/** One variant as its seller sees it. */
export const SellerVariantView = z.object({
  id: z.string(),
  sku: z.string(),
  title: z.string(),
  optionValues: z.record(z.string(), z.string()),
  weightGrams: z.number().int().nullable(),
  prices: z.array(MoneySchema),
})
export type SellerVariantView = z.infer<typeof SellerVariantView>

/** A product with everything its seller may edit, drafts included. */
export const SellerProductView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  brand: z.string().nullable(),
  categoryId: z.number().int().nullable(),
  categoryPath: z.string().nullable(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  tags: z.array(z.string()),
  status: ProductStatusSchema,
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  variants: z.array(SellerVariantView),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type SellerProductView = z.infer<typeof SellerProductView>

/** A row of the seller's product list. */
export const SellerProductSummary = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  status: ProductStatusSchema,
  variantCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type SellerProductSummary = z.infer<typeof SellerProductSummary>
