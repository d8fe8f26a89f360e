import type { CatalogProduct } from '../../lib/bestbuy-catalog'
import { mulberry32 } from '../../lib/scale-catalog'

/** One evaluation query and the keys of the products that answer it. */
export interface EvalQuery {
  id: string
  kind: 'known_item' | 'category' | 'brand_type'
  query: string
  /** Keys (`id`, else array index as a string) of the relevant products. */
  relevant: string[]
  /** Known-item queries only: whether a typo was put in. */
  typo?: boolean
}

/** The file `queries.json` of an evaluation set. */
export interface QuerySetFile {
  format: 'emporium-search-eval/1'
  seed: number
  queries: EvalQuery[]
}

const STOP = new Set(['a', 'an', 'and', 'the', 'for', 'with', 'of', 'in', 'to', 'all', 'by', 'on'])

/** Words as a shopper would type them: lower case, trademark signs and punctuation dropped. */
export const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[™®©]/g, '')
    .split(/[^a-z0-9.]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 0 && !STOP.has(w))

/** A product's key in its catalog. */
export const keyOf = (p: CatalogProduct, index: number) => p.id ?? String(index)

/** Name without the `Brand - ` prefix and the ` - colour/size` suffix. */
function nameBody(p: CatalogProduct): string {
  const parts = p.name.split(' - ')
  if (parts.length >= 3) return parts.slice(1, -1).join(' ')
  return parts.length === 2 ? (parts[1] ?? p.name) : p.name
}

/** Letters near each other on a QWERTY keyboard, for substitution typos. */
const NEIGHBOURS: Record<string, string> = {
  a: 'qsz', b: 'vgn', c: 'xdv', d: 'sfe', e: 'wrd', f: 'dgr', g: 'fht', h: 'gjy', i: 'uok',
  j: 'hku', k: 'jli', l: 'kop', m: 'nj', n: 'bmh', o: 'ipl', p: 'ol', q: 'wa', r: 'etf',
  s: 'adw', t: 'ryg', u: 'yij', v: 'cbf', w: 'qes', x: 'zcs', y: 'tuh', z: 'xas',
} // prettier-ignore

/** One realistic typo (swap of neighbours, dropped letter, neighbour key, doubled letter). */
export function typo(word: string, rand: () => number): string {
  const i = 1 + Math.floor(rand() * (word.length - 2)) // never the first letter
  const c = word[i] ?? ''
  switch (Math.floor(rand() * 4)) {
    case 0:
      return word.slice(0, i) + (word[i + 1] ?? '') + c + word.slice(i + 2)
    case 1:
      return word.slice(0, i) + word.slice(i + 1)
    case 2: {
      const near = NEIGHBOURS[c]
      const sub = near ? (near[Math.floor(rand() * near.length)] ?? c) : c
      return word.slice(0, i) + sub + word.slice(i + 1)
    }
    default:
      return word.slice(0, i) + c + word.slice(i)
  }
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

/**
 * Known-item queries: for `count` products drawn with the seeded PRNG, keep 60% of the name body's
 * words (at least 2, at most 5, a random subset), add the brand's first word half the time, shuffle
 * the words half the time, and put one typo into a word of 5+ letters half the time. The colour or
 * size suffix is never typed, so colour variants of the item (same brand and body) count as it.
 */
function knownItemQueries(products: readonly CatalogProduct[], count: number, rand: () => number) {
  const byIdentity = new Map<string, string[]>()
  products.forEach((p, i) => {
    const identity = `${p.brand}|${nameBody(p)}`
    byIdentity.set(identity, [...(byIdentity.get(identity) ?? []), keyOf(p, i)])
  })
  const picked = shuffle(
    products.map((_, i) => i),
    rand,
  ).slice(0, count)
  return picked.flatMap((index, n): EvalQuery[] => {
    const p = products[index]
    if (!p) return []
    const body = words(nameBody(p))
    if (body.length === 0) return []
    const keep = Math.min(5, Math.max(2, Math.ceil(body.length * 0.6)))
    const chosen = shuffle(
      body.map((_, i) => i),
      rand,
    )
      .slice(0, keep)
      .sort((a, b) => a - b)
      .map((i) => body[i] ?? '')
    let q = rand() < 0.5 ? chosen : shuffle(chosen, rand)
    const brandWord = words(p.brand)[0]
    if (brandWord && rand() < 0.5) q = rand() < 0.5 ? [brandWord, ...q] : [...q, brandWord]
    const long = q.map((w, i) => ({ w, i })).filter((x) => x.w.length >= 5 && /^[a-z]+$/.test(x.w))
    const withTypo = long.length > 0 && rand() < 0.5
    if (withTypo) {
      const target = long[Math.floor(rand() * long.length)]
      if (target) q = q.map((w, i) => (i === target.i ? typo(w, rand) : w))
    }
    return [
      {
        id: `known-${n}`,
        kind: 'known_item',
        query: q.join(' '),
        relevant: byIdentity.get(`${p.brand}|${nameBody(p)}`) ?? [keyOf(p, index)],
        typo: withTypo,
      },
    ]
  })
}

const trail = (p: CatalogProduct) => p.categories.join(' > ')
const under = (p: CatalogProduct, path: string) =>
  trail(p) === path || trail(p).startsWith(`${path} > `)

/** A leaf category's type words: the last two words of its name before any `&` (`phone cases`). */
function typeWords(leafName: string): string[] {
  return words(leafName.split('&')[0] ?? leafName).slice(-2)
}

/**
 * Category queries: every leaf category (the last name of a product's trail) with 5+ products and
 * under a quarter of the catalog; the query is its name's words, the relevant products those filed
 * there or below. Brand+type queries: up to `brandTypeCount` (brand, leaf) pairs with 2+ products,
 * drawn with the PRNG; the query is the brand and the leaf's type words, the relevant products that
 * brand's under that leaf.
 */
function labelQueries(
  products: readonly CatalogProduct[],
  brandTypeCount: number,
  rand: () => number,
): EvalQuery[] {
  const leaves = [...new Set(products.map(trail))].sort()
  const out: EvalQuery[] = []
  for (const path of leaves) {
    const relevant = products.flatMap((p, i) => (under(p, path) ? [keyOf(p, i)] : []))
    const name = path.split(' > ').at(-1) ?? path
    const q = words(name)
    // A category holding a quarter of the catalog or more (the department itself) ranks anything well.
    if (relevant.length >= 5 && relevant.length < products.length / 4 && q.length > 0)
      out.push({ id: `category-${out.length}`, kind: 'category', query: q.join(' '), relevant })
  }
  const pairs = new Map<string, { brand: string; path: string; relevant: string[] }>()
  products.forEach((p, i) => {
    if (!p.brand) return
    const pair = `${p.brand}|${trail(p)}`
    const entry = pairs.get(pair) ?? { brand: p.brand, path: trail(p), relevant: [] }
    entry.relevant.push(keyOf(p, i))
    pairs.set(pair, entry)
  })
  const eligible = [...pairs.values()]
    .filter((e) => e.relevant.length >= 2)
    .sort((a, b) => `${a.brand}|${a.path}`.localeCompare(`${b.brand}|${b.path}`))
  shuffle(eligible, rand)
    .slice(0, brandTypeCount)
    .forEach((e, n) => {
      const type = typeWords(e.path.split(' > ').at(-1) ?? '')
      out.push({
        id: `brand-type-${n}`,
        kind: 'brand_type',
        query: [...words(e.brand), ...type].join(' '),
        relevant: e.relevant,
      })
    })
  return out
}

/** The whole generated query set of a catalog; the same catalog and seed give the same set. */
export function generateQuerySet(
  products: readonly CatalogProduct[],
  options: { seed?: number; knownItems?: number; brandTypes?: number } = {},
): QuerySetFile {
  const seed = options.seed ?? 7
  const rand = mulberry32(seed)
  return {
    format: 'emporium-search-eval/1',
    seed,
    queries: [
      ...knownItemQueries(products, options.knownItems ?? 300, rand),
      ...labelQueries(products, options.brandTypes ?? 150, rand),
    ],
  }
}
