import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

/** Seller groups of the demo catalog: each brand belongs to exactly one. */
export const SELLER_GROUPS = ['phones', 'cases', 'accessories'] as const
export type SellerGroup = (typeof SELLER_GROUPS)[number]

/** A category of the seed catalog; `path` is the slash-joined slug path from the root. */
export interface SeedCategory {
  path: string
  name: string
  /** Id of the same category in Best Buy's open data set, when it has one. */
  bestbuyId: string | null
}

/** One SKU of a seed product. `price` is USD major units as exact decimal text ("199.99"). */
export interface SeedVariant {
  sku: string
  title: string
  options: Record<string, string>
  price: string
  image: string
}

/** A product of the seed catalog with its variants. */
export interface SeedProduct {
  slug: string
  name: string
  brand: string
  description: string
  categoryPath: string
  popularity: number
  sellerGroup: SellerGroup
  options: string[]
  variants: SeedVariant[]
}

/** The committed seed catalog (`packages/db/seed-data/catalog.json`). */
export interface SeedCatalog {
  categories: SeedCategory[]
  products: SeedProduct[]
}

/** Location of the committed seed catalog. */
export const SEED_CATALOG_FILE = fileURLToPath(
  new URL('../../seed-data/catalog.json', import.meta.url),
)

/** Reads the committed seed catalog. */
export async function loadSeedCatalog(file: string = SEED_CATALOG_FILE): Promise<SeedCatalog> {
  return JSON.parse(await readFile(file, 'utf8')) as SeedCatalog
}
