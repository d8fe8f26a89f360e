import { sql, type Transaction } from 'kysely'
import type { Db } from '../client'
import { recordOutboxEvent } from '../outbox'
import type { Database, Payment, PaymentStatus } from '../schema'

/** Gateway idempotency key of one payment attempt of an order: the same attempt never charges twice. */
export function paymentIdempotencyKey(orderId: string, attempt: number): string {
  return `order:${orderId}:payment:${attempt}`
}

/** The statuses a payment may come from when it moves to each status the checkout sets. */
const MAY_COME_FROM: Partial<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  // A webhook may report success after a synchronous failure (the gateway has the last word).
  captured: ['requires_action', 'authorized', 'failed'],
  failed: ['requires_action', 'authorized'],
  voided: ['requires_action', 'authorized', 'failed'],
}

/** One attempt's gateway result, as the checkout records it. */
export interface PaymentAttemptRecord {
  orderId: string
  gateway: string
  intentId: string
  /** 1-based attempt number, and how many attempts the checkout allows (for the shopper's mail). */
  attempt: number
  maxAttempts: number
  /** The checkout gives up if this attempt fails (defaults to `attempt >= maxAttempts`). */
  final?: boolean
  status: PaymentStatus
  amountMinor: number
  currency: string
  idempotencyKey: string
  failureCode?: string | null
  /** Shown to the shopper when the attempt failed. */
  failureMessage?: string | null
}

async function paymentFailedEvent(
  trx: Transaction<Database>,
  record: PaymentAttemptRecord,
): Promise<void> {
  const order = await trx
    .selectFrom('orders')
    .select(['number', 'user_id'])
    .where('id', '=', record.orderId)
    .executeTakeFirstOrThrow()
  await recordOutboxEvent(trx, {
    aggregateType: 'order',
    aggregateId: record.orderId,
    eventType: 'order.payment_failed',
    payload: {
      orderId: record.orderId,
      orderNumber: Number(order.number),
      userId: order.user_id,
      attempt: record.attempt,
      maxAttempts: record.maxAttempts,
      final: record.final ?? record.attempt >= record.maxAttempts,
      message: record.failureMessage ?? 'Your payment did not go through.',
      declineCode: record.failureCode ?? null,
    },
  })
}

/**
 * Records a payment attempt's state: inserts its row the first time (keyed by the idempotency key)
 * and later moves its status only forward (see MAY_COME_FROM). A move to `failed` records an
 * `order.payment_failed` outbox event in the same transaction, once. Returns the row as stored.
 */
export function recordPaymentAttempt(db: Db, record: PaymentAttemptRecord): Promise<Payment> {
  return db.transaction().execute(async (trx) => {
    const captured = record.status === 'captured' ? record.amountMinor : 0
    const inserted = await trx
      .insertInto('payments')
      .values({
        order_id: record.orderId,
        gateway: record.gateway,
        intent_id: record.intentId,
        status: record.status,
        amount_minor: record.amountMinor,
        captured_minor: captured,
        currency: record.currency,
        idempotency_key: record.idempotencyKey,
        failure_code: record.failureCode ?? null,
      })
      // Untargeted, so every unique index (idempotency key and intent id) is an arbiter: a
      // concurrent duplicate waits for the first insert and then does nothing, instead of failing
      // with a unique violation on the intent id.
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .executeTakeFirst()
    if (inserted) {
      if (record.status === 'failed') await paymentFailedEvent(trx, record)
      return inserted
    }
    const from = MAY_COME_FROM[record.status] ?? []
    const moved =
      from.length === 0
        ? undefined
        : await trx
            .updateTable('payments')
            .set({
              status: record.status,
              captured_minor:
                record.status === 'captured'
                  ? sql<number>`amount_minor`
                  : sql<number>`captured_minor`,
              failure_code: record.failureCode ?? sql<string | null>`failure_code`,
              updated_at: sql<Date>`now()`,
            })
            .where('idempotency_key', '=', record.idempotencyKey)
            .where('status', 'in', [...from])
            .returningAll()
            .executeTakeFirst()
    if (moved) {
      if (record.status === 'failed') await paymentFailedEvent(trx, record)
      return moved
    }
    return trx
      .selectFrom('payments')
      .selectAll()
      .where('idempotency_key', '=', record.idempotencyKey)
      .executeTakeFirstOrThrow()
  })
}

/** The payment with this gateway intent id, if any (webhooks name payments by intent). */
export function findPaymentByIntentId(db: Db, intentId: string): Promise<Payment | undefined> {
  return db.selectFrom('payments').selectAll().where('intent_id', '=', intentId).executeTakeFirst()
}

/** Every payment attempt of an order, oldest first. */
export function listOrderPayments(db: Db, orderId: string): Promise<Payment[]> {
  return db
    .selectFrom('payments')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** The order a gateway intent pays and the checkout workflow to signal about it (webhook routing). */
export function findCheckoutOfIntent(
  db: Db,
  intentId: string,
): Promise<{ orderId: string; checkoutWorkflowId: string | null } | undefined> {
  return db
    .selectFrom('payments as p')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .select(['o.id as orderId', 'o.checkout_workflow_id as checkoutWorkflowId'])
    .where('p.intent_id', '=', intentId)
    .executeTakeFirst()
}
