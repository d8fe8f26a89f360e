import { salesByDay, storeCurrency, topProducts } from '@emporium/db'
import {
  daysBetween,
  fillDays,
  SalesStatsInput,
  SalesStatsView,
  type SalesSeries,
} from '@emporium/domain/sales'
import { router, sellerProcedure } from '../trpc'

/** A seller's sales for the dashboard charts. */
export const sellerSalesRouter = router({
  /**
   * Revenue, orders and units per day over a date range (every day present, zeros included) and
   * the top products by revenue and by units, one series per currency with the store's currency
   * first. What counts as a sale is documented with SALE_STATUSES in @emporium/domain/sales.
   */
  getSalesStats: sellerProcedure
    .input(SalesStatsInput)
    .output(SalesStatsView)
    .query(async ({ ctx, input }) => {
      const range = { sellerId: ctx.seller.id, ...input }
      const [days, products, currency] = await Promise.all([
        salesByDay(ctx.db, range),
        topProducts(ctx.db, range, input.topLimit),
        storeCurrency(ctx.db, ctx.seller.id),
      ])
      const currencies = [
        currency,
        ...new Set([...days, ...products].map((r) => r.currency).filter((c) => c !== currency)),
      ]
      const allDays = daysBetween(input.from, input.to)
      const series = currencies.map((currency): SalesSeries => {
        const sold = days
          .filter((d) => d.currency === currency)
          .map((d) => ({
            day: d.day,
            revenueMinor: d.revenue_minor,
            orders: d.orders,
            units: d.units,
          }))
        const mine = products.filter((p) => p.currency === currency)
        const top = (rank: 'revenue_rank' | 'units_rank') =>
          mine
            .filter((p) => p[rank] <= input.topLimit)
            .sort((a, b) => a[rank] - b[rank])
            .map((p) => ({
              productId: p.product_id,
              productName: p.product_name,
              revenueMinor: p.revenue_minor,
              units: p.units,
            }))
        return {
          currency,
          totals: {
            revenueMinor: sold.reduce((n, d) => n + d.revenueMinor, 0),
            orders: sold.reduce((n, d) => n + d.orders, 0),
            units: sold.reduce((n, d) => n + d.units, 0),
          },
          days: fillDays(allDays, sold),
          topByRevenue: top('revenue_rank'),
          topByUnits: top('units_rank'),
        }
      })
      return {
        from: input.from,
        to: input.to,
        timeZone: input.timeZone,
        storeCurrency: currency,
        series,
      }
    }),
})
