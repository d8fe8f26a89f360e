import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { trpc } from '../trpc'
import { formatPrice } from '../ui/format-price'
import { PageSection } from '../ui/page-title'
import { QueryView } from '../ui/query-view'
import { SalesChart } from './sales-chart'
import { TopProductsChart } from './top-products-chart'

const RANGES = [7, 30, 90] as const

/** The last `days` days up to today, as the API's date strings. */
function rangeOf(days: number, now = new Date()): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10)
  const from = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10)
  return { from, to }
}

/** Revenue and orders per day and the top products, for a chosen period, in each currency sold in. */
export function SalesSection() {
  const [days, setDays] = useState<(typeof RANGES)[number]>(30)
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const stats = useQuery({
    queryKey: ['seller', 'sales', days, timeZone],
    queryFn: () => trpc.seller.getSalesStats.query({ ...rangeOf(days), timeZone, topLimit: 5 }),
  })
  return (
    <PageSection
      id="sales-title"
      title="Sales"
      actions={
        <select
          aria-label="Period"
          value={days}
          onChange={(e) => setDays(Number(e.target.value) as (typeof RANGES)[number])}
        >
          {RANGES.map((d) => (
            <option key={d} value={d}>
              Last {d} days
            </option>
          ))}
        </select>
      }
    >
      <QueryView query={stats} what="your sales">
        {(data) =>
          data.series.length === 0 ? (
            <p>No sales in this period yet.</p>
          ) : (
            data.series.map((series) => (
              <div key={series.currency} className="stack">
                <h3>
                  {series.currency}:{' '}
                  {formatPrice({ amount: series.totals.revenueMinor, currency: series.currency })}{' '}
                  from {series.totals.orders} orders ({series.totals.units} units)
                </h3>
                <SalesChart days={series.days} currency={series.currency} />
                <h4>Top products</h4>
                <TopProductsChart products={series.topByRevenue} currency={series.currency} />
              </div>
            ))
          )
        }
      </QueryView>
    </PageSection>
  )
}
