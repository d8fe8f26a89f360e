import { stableUuid, type CatalogProduct } from './bestbuy-catalog'

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1); the same seed gives the same stream. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(rand: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(rand() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

/** `Brand - body - suffix` → its parts (Best Buy names mostly follow this layout). */
function nameParts(name: string): { body: string; suffix: string | null } {
  const parts = name.split(' - ')
  if (parts.length >= 3)
    return { body: parts.slice(1, -1).join(' - '), suffix: parts.at(-1) ?? null }
  if (parts.length === 2) return { body: parts[1] ?? name, suffix: null }
  return { body: name, suffix: null }
}

const sentences = (text: string) => text.match(/[^.!?]+[.!?]+/g)?.map((s) => s.trim()) ?? [text]

/**
 * A deterministic scale catalog made only of real pieces of the seed catalog, recombined.
 *
 * One mulberry32 stream seeded with `seed` drives every choice, so `(seed, count, source)` always
 * gives the same products with the same ids (`stableUuid('scale:<seed>:<i>')`). For product i:
 * - a body product B is drawn from the real catalog; the new product keeps B's category trail and
 *   B's name body (the part between `Brand - ` and the last ` - ` suffix), so name and category agree;
 * - its brand is the brand of a product drawn from B's leaf category (accessory brands stay with
 *   accessories), and the name becomes `brand - body`, followed by the colour/size suffix of another
 *   product of that leaf when it has one;
 * - its description is B's first sentence followed by the remaining sentences of another product of
 *   the same leaf;
 * - its price is B's price times a factor in [0.85, 1.15], ending in .99; its popularity is that of a
 *   product drawn from the whole catalog.
 * Word statistics therefore stay those of the real catalog (same vocabulary, same field lengths,
 * same category sizes in proportion), while names and brands repeat in new combinations, as they do
 * in a large marketplace where many sellers list variants of the same items.
 */
export function generateScaleCatalog(
  source: readonly CatalogProduct[],
  count: number,
  seed = 42,
): CatalogProduct[] {
  if (source.length === 0) throw new Error('The seed catalog is empty')
  const rand = mulberry32(seed)
  const byLeaf = new Map<string, CatalogProduct[]>()
  for (const p of source) {
    const leaf = p.categories.join(' > ')
    byLeaf.set(leaf, [...(byLeaf.get(leaf) ?? []), p])
  }
  const out: CatalogProduct[] = []
  for (let i = 0; i < count; i++) {
    const body = pick(rand, source)
    const siblings = byLeaf.get(body.categories.join(' > ')) ?? [body]
    const brand = pick(rand, siblings).brand
    const suffix = nameParts(pick(rand, siblings).name).suffix
    const text = pick(rand, siblings)
    const factor = 0.85 + rand() * 0.3
    out.push({
      id: stableUuid(`scale:${seed}:${i}`),
      name: [brand, nameParts(body.name).body, suffix].filter(Boolean).join(' - '),
      description: [sentences(body.description)[0], ...sentences(text.description).slice(1)].join(
        ' ',
      ),
      brand,
      categories: body.categories,
      price: Math.max(0.99, Math.floor(body.price * factor) + 0.99),
      popularity: pick(rand, source).popularity,
    })
  }
  return out
}
