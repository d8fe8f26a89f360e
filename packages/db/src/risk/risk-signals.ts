import { sql } from 'kysely'
import type { Db } from '../client'

/** How far back velocity (orders per account, IP and card) and declines are counted. */
export const VELOCITY_WINDOW_MS = 60 * 60_000
export const DECLINE_WINDOW_MS = 24 * 60 * 60_000

/** The counts fraud screening needs about an order's buyer, IP and card, this order excluded. */
export interface RiskCounts {
  paidOrdersBefore: number
  recentOrdersByAccount: number
  recentOrdersByIp: number
  recentOrdersByCard: number
  recentDeclines: number
}

/**
 * Counts what the fraud rules look at, as of `now`: the account's paid orders, its orders in the
 * last hour, screened orders from the same IP and card in the last hour (a null IP or card counts
 * nothing), and declined payments of the account's orders in the last day.
 */
export async function countRiskSignals(
  db: Db,
  input: {
    orderId: string
    userId: string
    clientIp: string | null
    cardFingerprint: string | null
    now: Date
  },
): Promise<RiskCounts> {
  const velocitySince = new Date(input.now.getTime() - VELOCITY_WINDOW_MS)
  const declineSince = new Date(input.now.getTime() - DECLINE_WINDOW_MS)
  const orders = await db
    .selectFrom('orders')
    .select([
      sql<string>`count(*) filter (where paid_at is not null)`.as('paid'),
      sql<string>`count(*) filter (where placed_at >= ${velocitySince})`.as('recent'),
    ])
    .where('user_id', '=', input.userId)
    .where('id', '<>', input.orderId)
    .executeTakeFirstOrThrow()
  const screenedBy = async (column: 'client_ip' | 'card_fingerprint', value: string | null) => {
    if (value === null) return 0
    const row = await db
      .selectFrom('order_risk_reviews')
      .select(sql<string>`count(*)`.as('n'))
      .where(column, '=', value)
      .where('order_id', '<>', input.orderId)
      .where('created_at', '>=', velocitySince)
      .executeTakeFirstOrThrow()
    return Number(row.n)
  }
  const declines = await db
    .selectFrom('payments')
    .innerJoin('orders', 'orders.id', 'payments.order_id')
    .select(sql<string>`count(*)`.as('n'))
    .where('orders.user_id', '=', input.userId)
    .where('payments.status', '=', 'failed')
    .where('payments.created_at', '>=', declineSince)
    .executeTakeFirstOrThrow()
  return {
    paidOrdersBefore: Number(orders.paid),
    recentOrdersByAccount: Number(orders.recent),
    recentOrdersByIp: await screenedBy('client_ip', input.clientIp),
    recentOrdersByCard: await screenedBy('card_fingerprint', input.cardFingerprint),
    recentDeclines: Number(declines.n),
  }
}
