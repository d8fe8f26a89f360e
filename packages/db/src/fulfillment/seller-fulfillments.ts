import { sql } from 'kysely'
import type { Db } from '../client'
import type { PiiKeyRing } from '../pii/envelope-cipher'
import { openShippingAddress } from '../pii/sealed-shipping-address'
import type { FulfillmentStatus, OrderItem, OrderStatus } from '../schema'
import { loadShipments, type ShipmentWithEvents } from './shipment-reads'

/** One seller's part of an order: the fulfillment, its order's public facts and only that seller's lines. */
export interface SellerFulfillmentRow {
  id: string
  status: FulfillmentStatus
  created_at: Date
  /** created_at as Postgres text (microseconds kept) for the page cursor. */
  cursor_created_at: string
  order_id: string
  order_number: number
  order_status: OrderStatus
  currency: string
  placed_at: Date
  paid_at: Date | null
  /** The order's shipping snapshot in plaintext. */
  shipping_address: Record<string, unknown>
  lines: OrderItem[]
  shipments: ShipmentWithEvents[]
}

function baseQuery(db: Db, sellerId: string) {
  return db
    .selectFrom('fulfillments as f')
    .innerJoin('orders as o', 'o.id', 'f.order_id')
    .select([
      'f.id',
      'f.status',
      'f.created_at',
      sql<string>`f.created_at::text`.as('cursor_created_at'),
      'o.id as order_id',
      'o.number as order_number',
      'o.status as order_status',
      'o.currency',
      'o.placed_at',
      'o.paid_at',
      'o.shipping_address',
      'o.shipping_address_sealed',
      'o.pii_key_id',
    ])
    .where('f.seller_id', '=', sellerId)
}

type BaseRow = Omit<SellerFulfillmentRow, 'lines' | 'shipments'> & {
  shipping_address_sealed: string | null
  pii_key_id: string | null
}

// Lines are filtered by seller as well as by order: the other stores' lines of a shared order stay out.
async function withDetails(
  db: Db,
  pii: PiiKeyRing,
  sellerId: string,
  rows: BaseRow[],
): Promise<SellerFulfillmentRow[]> {
  if (rows.length === 0) return []
  const [lines, shipments] = await Promise.all([
    db
      .selectFrom('order_items')
      .selectAll()
      .where('seller_id', '=', sellerId)
      .where(
        'order_id',
        'in',
        rows.map((r) => r.order_id),
      )
      .orderBy('id')
      .execute(),
    loadShipments(
      db,
      rows.map((r) => r.id),
    ),
  ])
  return rows.map(({ shipping_address_sealed, pii_key_id, ...r }) => ({
    ...r,
    shipping_address: openShippingAddress(pii, {
      id: r.order_id,
      shipping_address: r.shipping_address,
      shipping_address_sealed,
      pii_key_id,
    }),
    lines: lines.filter((l) => l.order_id === r.order_id),
    shipments: shipments.filter((s) => s.fulfillment_id === r.id),
  }))
}

/** A seller's fulfillments (all statuses, or one), newest first, after the keyset cursor. */
export async function listSellerFulfillments(
  db: Db,
  pii: PiiKeyRing,
  sellerId: string,
  options: {
    status?: FulfillmentStatus | undefined
    after?: { createdAt: string; id: string } | undefined
    limit: number
  },
): Promise<SellerFulfillmentRow[]> {
  let query = baseQuery(db, sellerId)
  if (options.status) query = query.where('f.status', '=', options.status)
  if (options.after) {
    const { createdAt, id } = options.after
    query = query.where(
      sql<boolean>`(f.created_at, f.id) < (${createdAt}::timestamptz, ${id}::uuid)`,
    )
  }
  const rows = await query
    .orderBy('f.created_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(options.limit)
    .execute()
  return withDetails(db, pii, sellerId, rows)
}

/** One fulfillment of `sellerId`; undefined when it does not exist or belongs to another store. */
export async function findSellerFulfillment(
  db: Db,
  pii: PiiKeyRing,
  sellerId: string,
  fulfillmentId: string,
): Promise<SellerFulfillmentRow | undefined> {
  const row = await baseQuery(db, sellerId).where('f.id', '=', fulfillmentId).executeTakeFirst()
  if (!row) return undefined
  const [detailed] = await withDetails(db, pii, sellerId, [row])
  return detailed
}
