import type { OrderStatus } from '@emporium/domain'
import { sql } from 'kysely'
import type { Db } from '../client'
import type { ReconciliationFindingKind } from '../schema'

/** A payment and its order, as the reconciliation sweep compares them with the gateway. */
export interface PaymentToReconcile {
  paymentId: string
  intentId: string
  gateway: string
  paymentStatus: string
  /** What the payment asked for and what of it is refunded (or reserved for a refund), minor units. */
  amountMinor: number
  refundedMinor: number
  createdAt: Date
  /** `created_at` with microseconds, for the keyset cursor. */
  cursorAt: string
  orderId: string
  orderStatus: OrderStatus
  checkoutWorkflowId: string | null
}

/** Keyset position of the sweep: the last payment of the previous batch. */
export interface ReconcileCursor {
  createdAt: string
  paymentId: string
}

/**
 * The next `limit` payments created in [since, until], oldest first after `after`; `orderIds`
 * narrows the sweep to some orders (an operator's re-check).
 */
export async function listPaymentsToReconcile(
  db: Db,
  options: {
    since: Date
    until: Date
    limit: number
    after?: ReconcileCursor | null
    orderIds?: readonly string[]
  },
): Promise<PaymentToReconcile[]> {
  let query = db
    .selectFrom('payments as p')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .select([
      'p.id as paymentId',
      'p.intent_id as intentId',
      'p.gateway',
      'p.status as paymentStatus',
      'p.amount_minor as amountMinor',
      'p.refunded_minor as refundedMinor',
      'p.created_at as createdAt',
      'o.id as orderId',
      'o.status as orderStatus',
      'o.checkout_workflow_id as checkoutWorkflowId',
      sql<string>`to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'cursorAt',
      ),
    ])
    .where('p.created_at', '>=', options.since)
    .where('p.created_at', '<=', options.until)
  if (options.after) {
    // The cursor keeps microseconds (a JS Date would drop them and repeat the last row).
    query = query.where(
      sql<boolean>`(p.created_at, p.id) > (${options.after.createdAt}::timestamptz, ${options.after.paymentId}::uuid)`,
    )
  }
  if (options.orderIds) {
    if (options.orderIds.length === 0) return []
    query = query.where('o.id', 'in', options.orderIds)
  }
  return query.orderBy('p.created_at').orderBy('p.id').limit(options.limit).execute()
}

export interface FindingInput {
  paymentId: string
  orderId: string
  kind: ReconciliationFindingKind
  action: 'signalled_checkout' | 'flagged'
  gatewayStatus: string | null
  orderStatus: OrderStatus
  detail: string
}

/**
 * Records a finding once while it is open (a sweep every 15 minutes does not repeat it). A flagged
 * one also leaves a note in the order's status history, so whoever opens the order sees it.
 * Returns whether it was new.
 */
export async function recordReconciliationFinding(db: Db, finding: FindingInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('payment_reconciliation_findings')
      .values({
        payment_id: finding.paymentId,
        order_id: finding.orderId,
        kind: finding.kind,
        action: finding.action,
        gateway_status: finding.gatewayStatus,
        order_status: finding.orderStatus,
        detail: finding.detail,
      })
      .onConflict((oc) =>
        oc.columns(['payment_id', 'kind']).where('resolved_at', 'is', null).doNothing(),
      )
      .returning('id')
      .executeTakeFirst()
    if (!inserted) return false
    if (finding.action === 'flagged') {
      await trx
        .insertInto('order_status_history')
        .values({
          order_id: finding.orderId,
          from_status: finding.orderStatus,
          to_status: finding.orderStatus,
          actor: 'payment-reconciliation',
          note: `Needs attention: ${finding.detail}`,
        })
        .execute()
    }
    return true
  })
}

/** Closes a payment's open findings once gateway and order agree again; returns how many. */
export async function resolveReconciliationFindings(db: Db, paymentId: string): Promise<number> {
  const result = await db
    .updateTable('payment_reconciliation_findings')
    .set({ resolved_at: sql<Date>`now()` })
    .where('payment_id', '=', paymentId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
