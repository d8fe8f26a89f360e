import type { FacetCount, Personalization } from './types'

/** Upper bounds (minor units, exclusive) of the price facet bands; the last band is open. */
export const PRICE_BAND_BOUNDS = [2_500, 5_000, 10_000, 25_000, 50_000, 100_000] as const

/** The price band label of an amount: `lower-upper` or `lower-` for the open top band. */
export function priceBand(amountMinor: number): string {
  let lower = 0
  for (const upper of PRICE_BAND_BOUNDS) {
    if (amountMinor < upper) return `${lower}-${upper}`
    lower = upper
  }
  return `${lower}-`
}

/** Orders price bands from cheapest to dearest. */
export function sortPriceBands(counts: FacetCount[]): FacetCount[] {
  const lower = (band: string) => Number(band.split('-')[0])
  return [...counts].sort((a, b) => lower(a.value) - lower(b.value))
}

/** Turns counts per whole rating (floor of the average) into cumulative "N and up" counts, 4 → 1. */
export function cumulativeRatings(perFloor: Map<number, number>): FacetCount[] {
  const out: FacetCount[] = []
  let running = 0
  for (let stars = 5; stars >= 1; stars--) {
    running += perFloor.get(stars) ?? 0
    if (stars <= 4) out.push({ value: String(stars), count: running })
  }
  return out.filter((f) => f.count > 0)
}

/** Sorts facet values by count (desc) then value, so both engines list them alike. */
export function byCount(counts: FacetCount[]): FacetCount[] {
  return [...counts].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/** How much a full affinity (weight 1) adds to a relevance score in 0..1. */
export const AFFINITY_BOOST = 0.5

/** Additive personal boost of a document: the strongest category-path affinity plus the brand affinity. */
export function affinityBoost(
  p: Personalization | undefined,
  doc: { brand: string | null; categoryPaths: readonly string[] },
): number {
  if (!p) return 0
  const category = Math.max(0, ...doc.categoryPaths.map((path) => p.categoryAffinity[path] ?? 0))
  const brand = doc.brand ? (p.brandAffinity[doc.brand] ?? 0) : 0
  return AFFINITY_BOOST * (category + brand)
}

/** Lower-cased alphanumeric words of a query, accents removed. */
export function queryWords(q: string): string[] {
  return q
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .slice(0, 12)
}

/** Typos tolerated in a word of this length (as Typesense does by default: 1 from 4 letters, 2 from 7). */
export function typoBudget(length: number): number {
  return length >= 7 ? 2 : length >= 4 ? 1 : 0
}

/** Optimal-string-alignment distance: edits, with a swap of neighbours counting as one. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  const at = (i: number, j: number) => d[i]?.[j] ?? Infinity
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1)
      const row = d[i]
      if (row) row[j] = best
    }
  }
  return at(a.length, b.length)
}

/** Trigrams of a word, padded as pg_trgm pads them. */
export function trigrams(word: string): Set<string> {
  const padded = `  ${word} `
  const out = new Set<string>()
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3))
  return out
}

/** pg_trgm-style similarity of two words: shared trigrams / all trigrams. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a)
  const tb = trigrams(b)
  let shared = 0
  for (const t of ta) if (tb.has(t)) shared++
  return shared / (ta.size + tb.size - shared)
}

/** Minimum similarity for a "did you mean" suggestion. */
export const SUGGESTION_MIN_SIMILARITY = 0.3
