import { sql } from 'kysely'
import type { Db } from '../client'
import { toJson } from '../json'

/** A gateway event as the webhook endpoint stores it. */
export interface WebhookEventInput {
  gateway: string
  eventId: string
  type: string
  payload: unknown
}

/**
 * Stores an event once per event id (the unique key decides between concurrent deliveries) and
 * locks its row until the transaction ends, so of several deliveries of one event exactly one
 * handles it while the others wait. Returns whether it was already handled.
 */
export async function lockWebhookEvent(
  trx: Db,
  event: WebhookEventInput,
): Promise<{ id: number; alreadyProcessed: boolean }> {
  await trx
    .insertInto('webhook_events')
    .values({
      gateway: event.gateway,
      event_id: event.eventId,
      type: event.type,
      payload: toJson(event.payload),
    })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .execute()
  const row = await trx
    .selectFrom('webhook_events')
    .select(['id', 'processed_at'])
    .where('event_id', '=', event.eventId)
    .forUpdate()
    .executeTakeFirstOrThrow()
  return { id: row.id, alreadyProcessed: row.processed_at !== null }
}

/** Marks a stored event handled; `note` records what handling it meant (e.g. "workflow closed"). */
export async function markWebhookEventProcessed(
  trx: Db,
  id: number,
  note: string | null = null,
): Promise<void> {
  await trx
    .updateTable('webhook_events')
    .set({ processed_at: sql<Date>`now()`, error: note })
    .where('id', '=', id)
    .execute()
}

/** Records why handling an event failed; it stays unprocessed, so the gateway's redelivery retries it. */
export async function markWebhookEventFailed(
  db: Db,
  eventId: string,
  error: string,
): Promise<void> {
  await db
    .updateTable('webhook_events')
    .set({ error })
    .where('event_id', '=', eventId)
    .where('processed_at', 'is', null)
    .execute()
}

/**
 * True when a handled event of one of `types` about the same payment intent happened after
 * `occurredAt` (ms): an older event delivered late must not override it.
 */
export async function hasNewerProcessedEvent(
  db: Db,
  gateway: string,
  types: readonly string[],
  intentId: string,
  occurredAt: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('webhook_events')
    .select('id')
    .where('gateway', '=', gateway)
    .where('type', 'in', types)
    .where('processed_at', 'is not', null)
    .where(sql<string>`payload->'data'->'object'->>'id'`, '=', intentId)
    .where(sql<number>`(payload->>'created')::bigint * 1000`, '>', occurredAt)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

/** The checkout that a payment intent belongs to: by the payment row, else by the order id the intent carries. */
export async function findCheckoutForIntent(
  db: Db,
  intentId: string,
  orderIdHint: string | undefined,
): Promise<
  { orderId: string; checkoutWorkflowId: string | null; orderStatus: string } | undefined
> {
  const byPayment = await db
    .selectFrom('payments as p')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .select([
      'o.id as orderId',
      'o.checkout_workflow_id as checkoutWorkflowId',
      'o.status as orderStatus',
    ])
    .where('p.intent_id', '=', intentId)
    .executeTakeFirst()
  if (byPayment || !orderIdHint || !/^[0-9a-f-]{36}$/i.test(orderIdHint)) return byPayment
  return db
    .selectFrom('orders')
    .select([
      'id as orderId',
      'checkout_workflow_id as checkoutWorkflowId',
      'status as orderStatus',
    ])
    .where('id', '=', orderIdHint)
    .executeTakeFirst()
}
