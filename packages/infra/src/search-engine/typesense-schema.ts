import { CURRENCY_CODES } from '@emporium/domain'
import { priceBand, trigrams } from './ranking-rules'
import type { SearchDocument, SearchQuery, SearchSort } from './types'

/** The part of Typesense's collection schema we use. */
interface CollectionCreateSchema {
  name: string
  default_sorting_field?: string
  fields: {
    name: string
    type: 'string' | 'string[]' | 'int32' | 'int64' | 'float' | 'bool'
    facet?: boolean
    optional?: boolean
    index?: boolean
  }[]
}

/** Fields searched, most important first, with their weights. */
export const QUERY_BY = 'name_text,brand_text,category,description,tags'
export const QUERY_BY_WEIGHTS = '5,3,2,1,1'

/** Schema of a product collection (one per reindex generation, behind an alias). */
export function productCollectionSchema(name: string): CollectionCreateSchema {
  return {
    name,
    default_sorting_field: 'popularity',
    fields: [
      // Shown as is; searched as `name_text` (see `searchText`).
      { name: 'name', type: 'string', index: false, optional: true },
      { name: 'name_text', type: 'string' },
      { name: 'brand_text', type: 'string', optional: true },
      { name: 'slug', type: 'string', index: false, optional: true },
      { name: 'brand', type: 'string', facet: true, optional: true },
      { name: 'category', type: 'string', optional: true },
      { name: 'category_path', type: 'string', optional: true },
      { name: 'category_paths', type: 'string[]', facet: true },
      // `path|name` of the leaf category, for autocomplete's category suggestions.
      { name: 'category_leaf', type: 'string', facet: true, optional: true },
      { name: 'description', type: 'string' },
      { name: 'tags', type: 'string[]' },
      { name: 'seller_id', type: 'string', facet: true },
      // One field per currency the product is priced in: price_minor_usd, price_band_usd, ...
      // Declared for every supported currency, so filtering or sorting in a currency no product is
      // priced in yet finds nothing instead of failing; the patterns cover any other code.
      ...CURRENCY_CODES.flatMap((code) => [
        { name: `price_minor_${currencyField(code)}`, type: 'int64' as const, optional: true },
        {
          name: `price_band_${currencyField(code)}`,
          type: 'string' as const,
          facet: true,
          optional: true,
        },
      ]),
      { name: 'price_minor_.*', type: 'int64', optional: true },
      { name: 'price_band_.*', type: 'string', facet: true, optional: true },
      { name: 'rating_avg', type: 'float' },
      { name: 'rating_floor', type: 'int32', facet: true },
      { name: 'rating_count', type: 'int32' },
      // What "best rated" sorts by: the Bayesian average, 0 without reviews (rated ones are ≥ 1).
      { name: 'rating_bayesian', type: 'float' },
      { name: 'popularity', type: 'int32' },
      { name: 'in_stock', type: 'bool', facet: true },
      { name: 'in_stock_rank', type: 'int32' },
      { name: 'created_at', type: 'int64' },
    ],
  }
}

/** Schema of the spelling dictionary: each word with its trigrams. */
export function wordCollectionSchema(name: string): CollectionCreateSchema {
  return {
    name,
    fields: [
      { name: 'word', type: 'string' },
      { name: 'grams', type: 'string[]' },
    ],
  }
}

/** Inner trigrams of a word (no padding: Typesense drops symbols from tokens). */
export function innerTrigrams(word: string): string[] {
  return [...trigrams(word)].filter((t) => !t.includes(' '))
}

/** Field name suffix of a currency. */
export function currencyField(currency: string): string {
  return currency.toLowerCase().replace(/[^a-z]/g, '')
}

/**
 * Text as Typesense should index it: trademark and similar signs become spaces. Typesense keeps
 * them inside the word (`iphone®`), which then matches `iphone` only as a typo, and typo matches
 * are dropped as soon as exact matches of the other products exist: `insignia soft shell case
 * iphone 6` found nothing in the Best Buy catalog although one product's name holds every word.
 */
export function searchText(text: string): string {
  return text.replace(/[™®©℠ˊ]/g, ' ')
}

/** A search document as a Typesense document. */
export function toTypesenseDocument(d: SearchDocument): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    id: d.id,
    name: d.name,
    name_text: searchText(d.name),
    slug: d.slug,
    category: searchText(d.categoryNames.join(' > ')),
    category_paths: d.categoryPaths,
    description: searchText(d.description),
    tags: d.tags.map(searchText),
    seller_id: d.sellerId,
    rating_avg: d.ratingAvg ?? 0,
    rating_floor: d.ratingAvg === null ? 0 : Math.floor(d.ratingAvg),
    rating_count: d.ratingCount,
    rating_bayesian: d.ratingBayesian ?? 0,
    popularity: d.popularity,
    in_stock: d.inStock,
    in_stock_rank: d.inStock ? 1 : 0,
    created_at: d.createdAt.getTime(),
  }
  if (d.brand !== null) {
    doc.brand = d.brand
    doc.brand_text = searchText(d.brand)
  }
  if (d.categoryPath !== null) {
    doc.category_path = d.categoryPath
    doc.category_leaf = `${d.categoryPath}|${d.categoryNames.at(-1) ?? d.categoryPath}`
  }
  for (const [currency, amount] of Object.entries(d.prices)) {
    doc[`price_minor_${currencyField(currency)}`] = amount
    doc[`price_band_${currencyField(currency)}`] = priceBand(amount)
  }
  return doc
}

const quote = (v: string) => `\`${v.replace(/`/g, '')}\``

/** `filter_by` of a query: every filter ANDed, and only products priced in the query currency. */
export function filterBy(query: SearchQuery): string {
  const f = query.filters
  const price = `price_minor_${currencyField(query.currency)}`
  const parts = [`${price}:>=0`]
  if (f.brands?.length) parts.push(`brand:=[${f.brands.map(quote).join(',')}]`)
  if (f.categoryPath) parts.push(`category_paths:=[${quote(f.categoryPath)}]`)
  if (f.priceMin !== undefined) parts.push(`${price}:>=${f.priceMin}`)
  if (f.priceMax !== undefined) parts.push(`${price}:<=${f.priceMax}`)
  if (f.ratingMin !== undefined) parts.push(`rating_avg:>=${f.ratingMin}`)
  if (f.inStock !== undefined) parts.push(`in_stock:=${f.inStock}`)
  if (f.sellerIds?.length) parts.push(`seller_id:=[${f.sellerIds.map(quote).join(',')}]`)
  return parts.join(' && ')
}

/**
 * `sort_by` of a query; in-stock products always come first (at most 3 fields in Typesense).
 * `bayesian: false` for a collection made before `rating_bayesian` existed (until a reindex):
 * best rated then sorts by the plain average.
 */
export function sortBy(sort: SearchSort, currency: string, bayesian = true): string {
  const price = `price_minor_${currencyField(currency)}`
  const order: Record<SearchSort, string> = {
    relevance: '_text_match:desc,popularity:desc',
    price_asc: `${price}:asc,popularity:desc`,
    price_desc: `${price}:desc,popularity:desc`,
    rating: `${bayesian ? 'rating_bayesian' : 'rating_avg'}:desc,rating_count:desc`,
    newest: 'created_at:desc,popularity:desc',
    popularity: 'popularity:desc,_text_match:desc',
  }
  return `in_stock_rank:desc,${order[sort]}`
}
