import { z } from 'zod'
import { MoneySchema } from '../money'
import { CategoryPathSchema } from './category'
import { buildVariants } from './variants'

/** A seller-chosen stock keeping unit: letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
export const SkuSchema = z
  .string({ error: 'SKU is required' })
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'SKU must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  )

/** A price in integer minor units (1999 = 19.99 USD); never negative. */
export const PriceSchema = MoneySchema.refine((m) => m.amount >= 0, {
  message: 'Price must not be negative',
  path: ['amount'],
})

const Prices = z
  .array(PriceSchema)
  .max(30, 'At most 30 prices')
  .refine((prices) => new Set(prices.map((p) => p.currency)).size === prices.length, {
    message: 'Give each currency at most one price',
  })

/** A typed attribute value usable as a facet: text, number or yes/no. */
export const AttributeValueSchema = z.union([
  z.string().trim().min(1, 'Attribute text must not be empty').max(500),
  z.number().finite('Attribute numbers must be finite'),
  z.boolean(),
])

const AttributeKey = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_]{0,49}$/,
    'Attribute names use lowercase letters, digits and "_", starting with a letter',
  )

/** One option axis (size, colour, ...) and its values, in display order. */
export const ProductOptionInput = z.object({
  name: z.string().trim().min(1, 'Option name is required').max(60),
  values: z
    .array(z.string().trim().min(1, 'Option values must not be empty').max(60))
    .min(1, 'An option needs at least one value')
    .max(50, 'An option has at most 50 values'),
})
export type ProductOptionInput = z.infer<typeof ProductOptionInput>

/** Details for one option combination: its own SKU, prices (override the product's) or weight. */
export const VariantOverrideInput = z.object({
  options: z.record(z.string().max(60), z.string().max(60)),
  sku: SkuSchema.optional(),
  prices: Prices.optional(),
  weightGrams: z.number().int().min(0).max(10_000_000).optional(),
})
export type VariantOverrideInput = z.infer<typeof VariantOverrideInput>

/** The fields of a product before cross-field checks (see `ProductInput`). */
export const ProductFields = z.object({
  name: z.string().trim().min(1, 'Product name is required').max(500),
  description: z.string().trim().max(20_000).default(''),
  brand: z.string().trim().min(1).max(120).nullish(),
  categoryId: z.number().int().positive('Unknown category').optional(),
  categoryPath: CategoryPathSchema.optional(),
  attributes: z
    .record(AttributeKey, AttributeValueSchema)
    .refine((a) => Object.keys(a).length <= 50, 'At most 50 attributes')
    .default({}),
  tags: z
    .array(z.string().trim().toLowerCase().min(1, 'Tags must not be empty').max(50))
    .max(30, 'At most 30 tags')
    .default([]),
  options: z.array(ProductOptionInput).max(5, 'At most 5 options').default([]),
  /** Start of generated SKUs; by default a short code from the product id. */
  skuPrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'SKU prefix may use letters, digits and single dashes')
    .max(40)
    .optional(),
  /** Prices of every variant, one per currency. */
  prices: Prices.default([]),
  variants: z.array(VariantOverrideInput).max(100).default([]),
})

/** Checks what a single field cannot: one category reference, buildable variants. */
export function checkProductFields(
  product: z.infer<typeof ProductFields>,
  ctx: z.core.$RefinementCtx,
): void {
  if (product.categoryId !== undefined && product.categoryPath !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['categoryPath'],
      message: 'Give a category id or a category path, not both',
    })
  }
  const built = buildVariants(product, product.skuPrefix ?? 'SKU')
  if (!built.ok) {
    for (const issue of built.issues)
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
  }
}

/** A product as a seller creates or edits it. */
export const ProductInput = ProductFields.superRefine(checkProductFields)
export type ProductInput = z.infer<typeof ProductInput>
