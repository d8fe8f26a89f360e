/** One day of a seller's sales, as the chart draws it (revenue in minor units of `currency`). */
export interface SalesDay {
  date: string
  revenueMinor: number
  orders: number
}

/** The days from `from` to `to` (ISO dates, inclusive), days without sales filled with zeros. */
export function fillSalesDays(days: readonly SalesDay[], from: string, to: string): SalesDay[] {
  const byDate = new Map(days.map((d) => [d.date, d]))
  const out: SalesDay[] = []
  const end = Date.parse(`${to}T00:00:00Z`)
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10)
    out.push(byDate.get(date) ?? { date, revenueMinor: 0, orders: 0 })
  }
  return out
}
