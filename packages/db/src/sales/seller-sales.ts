import { SALE_STATUSES } from '@emporium/domain/sales'
import { sql, type RawBuilder } from 'kysely'
import type { Db } from '../client'

/** The range and time zone of a sales question; days are YYYY-MM-DD in `timeZone`, both ends included. */
export interface SalesRange {
  sellerId: string
  from: string
  to: string
  timeZone: string
}

/** Sales of one day in one currency. */
export interface SalesDayRow {
  currency: string
  day: string
  revenue_minor: number
  orders: number
  units: number
}

/** Sales of one product in one currency, with its ranks by revenue and by units (1 = best). */
export interface ProductSalesRow {
  currency: string
  product_id: string | null
  product_name: string
  revenue_minor: number
  units: number
  revenue_rank: number
  units_rank: number
}

// The seller's kept lines of counted orders in the range, with their net amount and day
// (see SALE_STATUSES in @emporium/domain/sales for the rule).
function keptLines(range: SalesRange): RawBuilder<unknown> {
  const soldAt = sql`coalesce(o.paid_at, o.placed_at)`
  const start = sql`(${range.from}::date)::timestamp at time zone ${range.timeZone}`
  const end = sql`(${range.to}::date + 1)::timestamp at time zone ${range.timeZone}`
  return sql`
    select o.currency,
           o.id as order_id,
           to_char((${soldAt} at time zone ${range.timeZone})::date, 'YYYY-MM-DD') as day,
           i.product_id,
           coalesce(i.product_id::text, 'sku:' || i.sku) as product_key,
           i.product_name,
           ${soldAt} as sold_at,
           (i.quantity - i.refunded_quantity) as units,
           ((i.unit_price_minor * i.quantity - i.discount_minor) * (i.quantity - i.refunded_quantity))
             / i.quantity as net_minor
      from order_items i
      join orders o on o.id = i.order_id
     where i.seller_id = ${range.sellerId}
       and o.status in (${sql.join(SALE_STATUSES.map((s) => sql`${s}::order_status`))})
       and ${soldAt} >= ${start}
       and ${soldAt} < ${end}
       and i.quantity > i.refunded_quantity`
}

/** Revenue, orders and units per day and currency (only days with sales). */
export async function salesByDay(db: Db, range: SalesRange): Promise<SalesDayRow[]> {
  const result = await sql<SalesDayRow>`
    with kept as (${keptLines(range)})
    select currency, day,
           sum(net_minor)::int8 as revenue_minor,
           count(distinct order_id)::int8 as orders,
           sum(units)::int8 as units
      from kept
     group by currency, day
     order by currency, day`.execute(db)
  return result.rows
}

/** The best-selling products per currency: the top `limit` by revenue and the top `limit` by units. */
export async function topProducts(
  db: Db,
  range: SalesRange,
  limit: number,
): Promise<ProductSalesRow[]> {
  const result = await sql<ProductSalesRow>`
    with kept as (${keptLines(range)}),
    per_product as (
      select currency, product_key,
             (array_agg(product_id))[1] as product_id,
             (array_agg(product_name order by sold_at desc))[1] as product_name,
             sum(net_minor)::int8 as revenue_minor,
             sum(units)::int8 as units
        from kept
       group by currency, product_key
    ),
    ranked as (
      select *,
             row_number() over (partition by currency order by revenue_minor desc, units desc, product_name, product_key) as revenue_rank,
             row_number() over (partition by currency order by units desc, revenue_minor desc, product_name, product_key) as units_rank
        from per_product
    )
    select currency, product_id, product_name, revenue_minor, units,
           revenue_rank::int8 as revenue_rank, units_rank::int8 as units_rank
      from ranked
     where revenue_rank <= ${limit} or units_rank <= ${limit}
     order by currency, revenue_rank`.execute(db)
  return result.rows
}

/** The currency a store is paid out in, which its sales charts lead with. */
export async function storeCurrency(db: Db, sellerId: string): Promise<string> {
  const row = await db
    .selectFrom('sellers')
    .select('payout_currency')
    .where('id', '=', sellerId)
    .executeTakeFirstOrThrow()
  return row.payout_currency
}
