import { z } from 'zod'
import type { OrderStatus } from '../orders/order-status'

/**
 * The rule for what counts as a sale in a seller's stats:
 * - an order counts from the day it was paid (in the asked time zone) while it is paid,
 *   fulfilling, shipped, delivered or partially refunded; pending (never paid), cancelled and
 *   fully refunded orders count for nothing;
 * - a line earns unit price × quantity − its discount, before tax and without shipping (tax is
 *   collected for the authorities; shipping is charged per order, not per seller);
 * - units refunded by item leave the figures: a line earns its net amount × units kept ÷ units
 *   bought, rounded down to a minor unit, and a line refunded in full earns nothing and its
 *   order is not counted for that seller unless another of its lines is kept;
 * - amounts are never converted: each currency has its own series.
 */
export const SALE_STATUSES = [
  'paid',
  'fulfilling',
  'shipped',
  'delivered',
  'partially_refunded',
] as const satisfies readonly OrderStatus[]

/** Longest range the sales stats cover in one call. */
export const MAX_SALES_DAYS = 366

const DAY = /^\d{4}-\d{2}-\d{2}$/

const isDay = (value: string) =>
  DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)

/** True when `zone` is an IANA time zone name this runtime knows, like Europe/Berlin. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** Every calendar day from `from` to `to` inclusive, as YYYY-MM-DD. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = []
  const end = Date.parse(`${to}T00:00:00Z`)
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}

/** What a seller asks the sales stats for. */
export const SalesStatsInput = z
  .object({
    from: z
      .string()
      .max(10, 'From must be a date like 2026-03-01')
      .refine(isDay, 'From must be a date like 2026-03-01'),
    to: z
      .string()
      .max(10, 'To must be a date like 2026-03-31')
      .refine(isDay, 'To must be a date like 2026-03-31'),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'Time zone must be an IANA name like Europe/Berlin')
      .default('UTC'),
    topLimit: z.number().int().min(1).max(50).default(5),
  })
  .superRefine((input, ctx) => {
    if (!isDay(input.from) || !isDay(input.to)) return
    const days = daysBetween(input.from, input.to).length
    if (days === 0)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'To must not be before from' })
    if (days > MAX_SALES_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Ask for at most ${MAX_SALES_DAYS} days at a time`,
      })
  })
export type SalesStatsInput = z.infer<typeof SalesStatsInput>

/** One chart point. */
export const SalesDay = z.object({
  day: z.string(),
  revenueMinor: z.number().int(),
  orders: z.number().int(),
  units: z.number().int(),
})
export type SalesDay = z.infer<typeof SalesDay>

/** One product's share of the sales. */
export const TopProduct = z.object({
  productId: z.string().nullable(),
  productName: z.string(),
  revenueMinor: z.number().int(),
  units: z.number().int(),
})
export type TopProduct = z.infer<typeof TopProduct>

/** Sales in one currency over the range. */
export const SalesSeries = z.object({
  currency: z.string(),
  totals: z.object({
    revenueMinor: z.number().int(),
    orders: z.number().int(),
    units: z.number().int(),
  }),
  days: z.array(SalesDay),
  topByRevenue: z.array(TopProduct),
  topByUnits: z.array(TopProduct),
})
export type SalesSeries = z.infer<typeof SalesSeries>

/** A seller's sales stats: the store currency's series first, then any other currency sold in. */
export const SalesStatsView = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  storeCurrency: z.string(),
  series: z.array(SalesSeries),
})
export type SalesStatsView = z.infer<typeof SalesStatsView>

/** Chart points for every day of the range, with zeros on days without sales. */
export function fillDays(days: readonly string[], sold: readonly SalesDay[]): SalesDay[] {
  const byDay = new Map(sold.map((d) => [d.day, d]))
  return days.map((day) => byDay.get(day) ?? { day, revenueMinor: 0, orders: 0, units: 0 })
}
