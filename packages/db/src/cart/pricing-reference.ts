import type { Db } from '../client'

/** The current decimal rate from `base` to `quote` (e.g. "0.9200000000"), or null when none is kept. */
export async function findExchangeRate(
  db: Db,
  base: string,
  quote: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('exchange_rates')
    .select('rate')
    .where('base', '=', base)
    .where('quote', '=', quote)
    .executeTakeFirst()
  return row?.rate ?? null
}

/**
 * The tax rate in basis points for a destination region: the exact region (`US-NY`) if it has
 * one, else its country (`US`); null when neither is known.
 */
export async function findTaxRate(
  db: Db,
  region: string,
): Promise<{ region: string; rateBasisPoints: number } | null> {
  const country = region.slice(0, 2)
  const rows = await db
    .selectFrom('tax_rates')
    .select(['region', 'rate_bps'])
    .where('region', 'in', [region, country])
    .execute()
  const row = rows.find((r) => r.region === region) ?? rows.find((r) => r.region === country)
  return row ? { region: row.region, rateBasisPoints: row.rate_bps } : null
}
