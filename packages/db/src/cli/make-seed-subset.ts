// Rebuilds `packages/db/seed-data/catalog.json` from the shared Best Buy data sets:
//   npx tsx packages/db/src/cli/make-seed-subset.ts [--data <dir>] [--products 300]
// <dir> defaults to `../shared/data` next to the repository. The output is deterministic.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  SEED_CATALOG_FILE,
  type SeedCatalog,
  type SeedCategory,
  type SeedProduct,
  type SellerGroup,
} from '../seed/catalog-data'
import { slugify } from '../seed/slug'

interface AlgoliaProduct {
  name: string
  description: string
  brand: string
  categories: string[]
  price: number
  image: string
  popularity: number
}
interface BestBuyCategory {
  id: string
  path: { id: string; name: string }[]
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const dataDir = path.resolve(arg('--data') ?? path.join(repoRoot, '..', 'shared', 'data'))
const productCount = Number(arg('--products') ?? '300')

const PHONE_ROOTS = new Set([
  'Unlocked Cell Phones',
  'All Cell Phones with Plans',
  'Prepaid Phones',
  'iPhone',
  'Refurbished Phones',
  'Samsung Galaxy',
])

function kindOf(p: AlgoliaProduct): SellerGroup {
  const [, second = '', ...rest] = p.categories
  if (PHONE_ROOTS.has(second) && !rest.some((c) => c.includes('Accessories'))) return 'phones'
  if (p.categories.some((c) => /Cases|Screen Protectors/.test(c))) return 'cases'
  return 'accessories'
}

/** Splits "Apple - iPhone 7 32GB - Black (Verizon)" into base name and variant options. */
function splitVariant(name: string): { base: string; options: Record<string, string> } | null {
  const cut = name.lastIndexOf(' - ')
  if (cut < 0) return null
  const m = /^(.+?)(?: \(([^()]+)\))?$/.exec(name.slice(cut + 3))
  if (!m?.[1] || m[1].split(' ').length > 3) return null
  const options: Record<string, string> = { Color: m[1] }
  if (m[2]) options.Carrier = m[2]
  return { base: name.slice(0, cut), options }
}

function skuOf(p: AlgoliaProduct): string {
  const m = /\/(\d+)_[^/]*$/.exec(p.image)
  if (!m?.[1]) throw new Error(`No Best Buy SKU in image URL ${p.image}`)
  return m[1]
}

const products = JSON.parse(
  await readFile(path.join(dataDir, 'bestbuy-algolia', 'ecommerce.json'), 'utf8'),
) as AlgoliaProduct[]
const bestbuy = JSON.parse(
  await readFile(path.join(dataDir, 'bestbuy', 'categories.json'), 'utf8'),
) as BestBuyCategory[]
const bestbuyIdByPath = new Map(
  bestbuy.map((c) => [c.path.map((p) => p.name).join('\u0000'), c.id]),
)

// A brand sells through the seller of the group most of its products fall in.
const brandKinds = new Map<string, Map<SellerGroup, number>>()
for (const p of products) {
  const counts = brandKinds.get(p.brand) ?? new Map<SellerGroup, number>()
  counts.set(kindOf(p), (counts.get(kindOf(p)) ?? 0) + 1)
  brandKinds.set(p.brand, counts)
}
const groupOfBrand = (brand: string): SellerGroup =>
  [...(brandKinds.get(brand) ?? new Map<SellerGroup, number>())].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
  )[0]?.[0] ?? 'accessories'

// Colour/carrier editions of one model become variants of one product.
const groups = new Map<
  string,
  { base: string; items: { p: AlgoliaProduct; options: Record<string, string> }[] }
>()
products.forEach((p, i) => {
  const split = splitVariant(p.name)
  const key = split ? [p.brand, p.categories.join('/'), split.base].join('\u0000') : `#${i}`
  const group = groups.get(key) ?? { base: split?.base ?? p.name, items: [] }
  group.items.push({ p, options: split?.options ?? {} })
  groups.set(key, group)
})

const chosen = [...groups.values()]
  .map((g) => ({ ...g, popularity: Math.max(...g.items.map((i) => i.p.popularity)) }))
  .sort((a, b) => b.popularity - a.popularity || a.base.localeCompare(b.base))
  .slice(0, productCount)

const seedProducts: SeedProduct[] = chosen.map((g) => {
  const items = g.items.length > 1 ? g.items : [{ p: g.items[0]!.p, options: {} }]
  const lead = [...items].sort((a, b) => b.p.popularity - a.p.popularity)[0]!.p
  const seen = new Set<string>()
  const variants = items
    .filter(
      ({ options }) => !seen.has(JSON.stringify(options)) && seen.add(JSON.stringify(options)),
    )
    .map(({ p, options }) => ({
      sku: skuOf(p),
      title: Object.values(options).join(' / ') || 'Default',
      options,
      price: String(p.price),
      image: p.image,
    }))
  const name = items.length > 1 ? g.base : lead.name
  return {
    slug: `${slugify(name)}-${variants[0]!.sku}`,
    name,
    brand: lead.brand,
    description: lead.description,
    categoryPath: lead.categories.map(slugify).join('/'),
    popularity: g.popularity,
    sellerGroup: groupOfBrand(lead.brand),
    options: [...new Set(variants.flatMap((v) => Object.keys(v.options)))],
    variants,
  }
})

// Every ancestor of a used category is part of the tree.
const categories = new Map<string, SeedCategory>()
for (const g of chosen) {
  const names = g.items[0]!.p.categories
  names.forEach((name, depth) => {
    const slugPath = names
      .slice(0, depth + 1)
      .map(slugify)
      .join('/')
    const bestbuyId = bestbuyIdByPath.get(names.slice(0, depth + 1).join('\u0000')) ?? null
    if (!categories.has(slugPath)) categories.set(slugPath, { path: slugPath, name, bestbuyId })
  })
}

const catalog: SeedCatalog = {
  categories: [...categories.values()].sort((a, b) => a.path.localeCompare(b.path)),
  products: seedProducts,
}
await writeFile(SEED_CATALOG_FILE, `${JSON.stringify(catalog, null, 1)}\n`)
const variantCount = seedProducts.reduce((n, p) => n + p.variants.length, 0)
console.log(
  `› wrote ${path.relative(repoRoot, SEED_CATALOG_FILE)}: ${seedProducts.length} products, ${variantCount} variants, ${catalog.categories.length} categories`,
)
