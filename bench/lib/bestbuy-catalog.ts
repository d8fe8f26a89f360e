import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SearchDocument } from '@emporium/infra'

/** The shared datasets folder beside the repository. */
export const SHARED_DATA_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'data',
)

/** The largest real catalog with searchable text: 3,291 Best Buy cell-phone products. */
export const BESTBUY_DIR = path.join(SHARED_DATA_DIR, 'bestbuy-algolia')

/**
 * One product in the Best Buy / Algolia `ecommerce.json` layout (a JSON array of these). `id` is
 * optional; without it the array index is the product's key.
 */
export interface CatalogProduct {
  id?: string
  name: string
  description: string
  brand: string
  /** Category names, root first; the last is the leaf the retailer filed the product under. */
  categories: string[]
  /** Major units (dollars). */
  price: number
  popularity: number
}

/** Reads a catalog file (`products.json`, else `ecommerce.json`) from `dir`. */
export function readCatalog(dir: string): CatalogProduct[] {
  for (const file of ['products.json', 'ecommerce.json']) {
    let text: string
    try {
      text = readFileSync(path.join(dir, file), 'utf8')
    } catch {
      continue
    }
    return JSON.parse(text) as CatalogProduct[]
  }
  throw new Error(`${dir} holds neither products.json nor ecommerce.json`)
}

/** A stable RFC 4122 (version 5 layout) UUID derived from a key, so ids repeat across runs. */
export function stableUuid(key: string): string {
  const hex = createHash('sha1').update(key).digest('hex')
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** URL-safe slug of a category name. */
export const slugify = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** Slash-joined slug path of a category trail (`cell-phones/prepaid-phones`). */
export const categoryPathOf = (names: readonly string[]) => names.map(slugify).join('/')

/** The product's key in a catalog: its `id`, else `<namespace>:<index>` made into a UUID. */
export const productKey = (p: CatalogProduct, index: number, namespace: string) =>
  p.id ?? stableUuid(`${namespace}:${index}`)

const BENCH_SELLER = stableUuid('search-bench-seller')
const EPOCH = Date.UTC(2025, 0, 1)

/** The catalog's products as search documents (USD prices, in stock, unrated). */
export function toSearchDocuments(
  products: readonly CatalogProduct[],
  namespace: string,
): SearchDocument[] {
  return products.map((p, i) => {
    const id = productKey(p, i, namespace)
    const names = p.categories.filter((c) => c.trim() !== '')
    const leafPath = names.length > 0 ? categoryPathOf(names) : null
    return {
      id,
      name: p.name,
      slug: `${slugify(p.name).slice(0, 80)}-${id.slice(0, 8)}`,
      brand: p.brand || null,
      description: p.description,
      tags: [],
      sellerId: BENCH_SELLER,
      categoryPath: leafPath,
      categoryPaths: names.map((_, k) => categoryPathOf(names.slice(0, k + 1))),
      categoryNames: names,
      prices: { USD: Math.round(p.price * 100) },
      ratingAvg: null,
      ratingCount: 0,
      ratingBayesian: null,
      popularity: p.popularity,
      inStock: true,
      createdAt: new Date(EPOCH + i * 60_000),
    }
  })
}
