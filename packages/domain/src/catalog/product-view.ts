import { z } from 'zod'
import { StockBadgeSchema } from '../inventory/stock-level'
import { CurrencyCodeSchema } from '../money/currency'
import { MoneySchema } from '../money/money'
import { CategorySummary } from './listing-category'

/** At or below this many sellable units a shopper sees "Only N left". */
export const LOW_STOCK_THRESHOLD = 5

/** Stock status of a variant or product. */
export const StockStatus = z.enum(['in_stock', 'low', 'out_of_stock'])
export type StockStatus = z.infer<typeof StockStatus>

const ProductSlugSchema = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Product address is malformed')

/** Which product to show (by slug or id) and in which currency. */
export const GetProductInput = z
  .object({
    slug: ProductSlugSchema.optional(),
    id: z.uuid('Product id is malformed').optional(),
    currency: CurrencyCodeSchema.default('USD'),
  })
  .refine((i) => (i.slug === undefined) !== (i.id === undefined), {
    message: 'Give either the product address (slug) or its id',
  })
export type GetProductInput = z.input<typeof GetProductInput>

/** A purchasable variant with its price in the requested currency (null: not sold in it). */
export const VariantView = z.object({
  id: z.string(),
  sku: z.string(),
  title: z.string(),
  optionValues: z.record(z.string(), z.string()),
  price: MoneySchema.nullable(),
  compareAtPrice: MoneySchema.nullable(),
  available: z.number().int().min(0),
  stock: StockBadgeSchema,
})
export type VariantView = z.infer<typeof VariantView>

/** The store selling a product, as a product page shows it. */
export const SellerCard = z.object({
  storeName: z.string(),
  slug: z.string(),
  /** Mean of the buyers' shipping, accuracy and communication scores (1-5); null before any rating. */
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
})
export type SellerCard = z.infer<typeof SellerCard>

/** A product page. */
export const ProductView = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  brand: z.string().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  tags: z.array(z.string()),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
  category: CategorySummary.nullable(),
  breadcrumbs: z.array(CategorySummary),
  options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  variants: z.array(VariantView),
  images: z.array(
    z.object({
      url: z.string(),
      variantId: z.string().nullable(),
      altText: z.string().nullable(),
      width: z.number().int().nullable(),
      height: z.number().int().nullable(),
    }),
  ),
  seller: SellerCard,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export type ProductView = z.infer<typeof ProductView>
