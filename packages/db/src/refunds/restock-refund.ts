import { sql } from 'kysely'
import type { Db } from '../client'

/**
 * Puts a refund's items back on the shelf: each line's units return to the warehouse its
 * checkout's reservation was committed from (else the variant's first warehouse holding it), with
 * a `return` stock movement keyed by refund and line so a retry restocks once. Lines whose variant
 * no longer exists or has no stock level anywhere are skipped. Returns the units restocked.
 */
export async function restockRefundItems(trx: Db, refundId: string): Promise<number> {
  const items = await trx
    .selectFrom('refund_items as ri')
    .innerJoin('order_items as oi', 'oi.id', 'ri.order_item_id')
    .innerJoin('orders as o', 'o.id', 'oi.order_id')
    .select(['ri.order_item_id', 'ri.quantity', 'oi.variant_id', 'o.checkout_workflow_id'])
    .where('ri.refund_id', '=', refundId)
    .orderBy('ri.order_item_id')
    .execute()
  let restocked = 0
  for (const item of items) {
    if (!item.variant_id) continue
    const warehouse = await warehouseFor(trx, item.variant_id, item.checkout_workflow_id)
    if (warehouse === undefined) continue
    const movement = await trx
      .insertInto('stock_movements')
      .values({
        variant_id: item.variant_id,
        warehouse_id: warehouse,
        on_hand_delta: item.quantity,
        reason: 'return',
        idempotency_key: `refund:${refundId}:${item.order_item_id}`,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!movement) continue
    await trx
      .updateTable('inventory_levels')
      .set((eb) => ({
        on_hand: eb('on_hand', '+', item.quantity),
        version: eb('version', '+', 1),
        updated_at: sql<Date>`now()`,
      }))
      .where('variant_id', '=', item.variant_id)
      .where('warehouse_id', '=', warehouse)
      .execute()
    await trx
      .updateTable('refund_items')
      .set({ restocked_warehouse_id: warehouse })
      .where('refund_id', '=', refundId)
      .where('order_item_id', '=', item.order_item_id)
      .execute()
    restocked += item.quantity
  }
  return restocked
}

async function warehouseFor(
  trx: Db,
  variantId: string,
  checkoutWorkflowId: string | null,
): Promise<number | undefined> {
  if (checkoutWorkflowId) {
    const reserved = await trx
      .selectFrom('reservations')
      .select('warehouse_id')
      .where('owner_key', '=', checkoutWorkflowId)
      .where('variant_id', '=', variantId)
      .where('status', '=', 'committed')
      .orderBy('warehouse_id')
      .executeTakeFirst()
    if (reserved) return reserved.warehouse_id
  }
  const level = await trx
    .selectFrom('inventory_levels')
    .select('warehouse_id')
    .where('variant_id', '=', variantId)
    .orderBy('warehouse_id')
    .executeTakeFirst()
  return level?.warehouse_id
}
