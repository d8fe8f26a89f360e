import { readFileSync } from 'node:fs'
import path from 'node:path'
import { SHARED_DATA_DIR } from './bestbuy-catalog'

interface BestBuyQuery {
  query: string
  popularity: number
  instant_search?: {
    facets?: { exact_matches?: Record<string, { value: string; count: number }[] | undefined> }
  }
}

/**
 * The fixed query mix of the search benchmark, in a stable order:
 * - every Best Buy demo query whose hits were mostly in "Cell Phones" (the catalog's department;
 *   310 queries such as `iphone case`, `samsung galaxy`), most searched first;
 * - the first `wandsCount` WANDS queries by id (furniture searches: on a phone catalog they mostly
 *   find little or nothing, which exercises the "did you mean" path as misses do in production).
 */
export function benchmarkQueries(wandsCount = 90): string[] {
  const bestbuy = JSON.parse(
    readFileSync(path.join(SHARED_DATA_DIR, 'bestbuy-queries', 'query_suggestions.json'), 'utf8'),
  ) as BestBuyQuery[]
  const phones = bestbuy
    .filter(
      (q) =>
        q.instant_search?.facets?.exact_matches?.['hierarchicalCategories.lvl0']?.[0]?.value ===
        'Cell Phones',
    )
    .sort((a, b) => b.popularity - a.popularity || a.query.localeCompare(b.query))
    .map((q) => q.query)
  const wands = readFileSync(path.join(SHARED_DATA_DIR, 'wands', 'query.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .filter((cols) => cols.length >= 2)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .slice(0, wandsCount)
    .map((cols) => cols[1] ?? '')
  return [...phones, ...wands].filter((q) => q.trim() !== '')
}
