import { z } from 'zod'
import { CurrencyCodeSchema } from '../money/currency'
import { MoneySchema } from '../money/money'
import { decodeListingCursor } from './listing-cursor'
import { CategoryPathSchema } from './category'
import { StockStatus } from './product-view'

/** Sort orders of a product listing. */
export const LISTING_SORTS = ['newest', 'price_asc', 'price_desc', 'popularity', 'rating'] as const
export type ListingSort = (typeof LISTING_SORTS)[number]

/** Page size bounds of a listing. */
export const LISTING_PAGE_SIZE = { default: 24, max: 60 } as const

const MinorUnits = z
  .number()
  .int('Prices are whole minor units (cents)')
  .min(0, 'Prices cannot be negative')
  .max(Number.MAX_SAFE_INTEGER)

/** What a shopper asks of a category listing. */
export const ListProductsInput = z
  .object({
    /** Category path such as `cell-phones/iphone`; products of its sub-categories are included. */
    categoryPath: CategoryPathSchema.optional(),
    brands: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
    currency: CurrencyCodeSchema.default('USD'),
    minPrice: MinorUnits.optional(),
    maxPrice: MinorUnits.optional(),
    inStockOnly: z.boolean().default(false),
    /** Equality filters on product attributes, e.g. `{ "color": "Black" }`. */
    attributes: z
      .record(z.string().min(1).max(60), z.string().max(200))
      .refine((a) => Object.keys(a).length <= 10, 'At most 10 attribute filters')
      .optional(),
    sort: z.enum(LISTING_SORTS).default('newest'),
    limit: z.number().int().min(1).max(LISTING_PAGE_SIZE.max).default(LISTING_PAGE_SIZE.default),
    cursor: z
      .string()
      .max(500, 'This page link is invalid; start again')
      .refine((c) => decodeListingCursor(c) !== null, 'This page link is invalid; start again')
      .optional(),
  })
  .refine((i) => i.minPrice === undefined || i.maxPrice === undefined || i.minPrice <= i.maxPrice, {
    message: 'The lowest price must not be above the highest price',
    path: ['minPrice'],
  })
  .refine((i) => !i.cursor || decodeListingCursor(i.cursor)?.sort === i.sort, {
    message: 'This page link belongs to another sort order; start again',
    path: ['cursor'],
  })
export type ListProductsInput = z.input<typeof ListProductsInput>
export type ListProductsQuery = z.output<typeof ListProductsInput>

/** One product in a listing. */
export const ProductCard = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  brand: z.string().nullable(),
  /** The lowest variant price in the requested currency. */
  price: MoneySchema,
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
  popularity: z.number().int(),
  imageUrl: z.string().nullable(),
  /** Stock of all variants together, as the badge a card shows. */
  availability: StockStatus,
  createdAt: z.iso.datetime(),
})
export type ProductCard = z.infer<typeof ProductCard>

/** A page of a listing; `nextCursor` is null on the last page. */
export const ProductListing = z.object({
  items: z.array(ProductCard),
  nextCursor: z.string().nullable(),
})
export type ProductListing = z.infer<typeof ProductListing>
