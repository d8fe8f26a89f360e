import { sql } from 'kysely'
import type { Db } from '../client'

/** What the payment gateway itself holds for one order (read from the gateway, not our tables). */
export interface GatewayCharges {
  /** Payments that succeeded at the gateway (money taken). */
  succeeded: number
  /** Minor units refunded at the gateway across those payments. */
  refundedMinor: number
  /** Minor units taken by those payments. */
  capturedMinor: number
}

/** The checkouts whose books are checked, and the stock and coupons they could touch. */
export interface BooksScope {
  /** Idempotency keys of the checkouts (a checkout that never made an order is simply absent). */
  idempotencyKeys: readonly string[]
  /** Each variant the checkouts bought, with its on-hand units before they started (nothing reserved). */
  initialStock: ReadonlyMap<string, number>
  couponIds?: readonly number[]
  /** Per order id, as the gateway reports it; when absent only our own payment rows are checked. */
  gateway?: ReadonlyMap<string, GatewayCharges>
  now?: Date
}

/** The tally of a books check; every field after `refunds` must be 0 for the books to balance. */
export interface BooksTally {
  orders: number
  paid: number
  cancelled: number
  charges: number
  refunds: number
  /** Orders neither paid nor cancelled once every checkout has finished. */
  unsettled_orders: number
  /** Paid orders without exactly one charge, or cancelled ones holding money not refunded. */
  double_charges: number
  missing_charges: number
  unrefunded_cancelled_charges: number
  /** Units committed beyond the stock there was, and stock levels below zero. */
  oversold_units: number
  /** Paid orders whose stock was not committed, cancelled ones whose stock was. */
  stock_not_settled: number
  /** Variants whose on_hand/reserved differ from their starting stock plus the stock movements. */
  stock_unreconciled: number
  coupons_over_limit: number
  /** Reservations still active past their expiry (or held by an order that has finished). */
  leftover_reservations: number
}

const PAID_STATUSES = new Set(['paid', 'fulfilling', 'shipped', 'delivered', 'refunded'])
const CHARGED_PAYMENT = new Set(['captured', 'partially_refunded', 'refunded'])

const chunks = <T>(items: readonly T[], size = 1_000): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  )

/**
 * Checks the books of a set of checkouts from the database (and the gateway's own records when
 * given): every order paid with exactly one charge and committed stock, or cancelled with no
 * charge (or a refunded one) and released stock; coupons within their limits; no reservation left
 * behind; stock levels equal to the starting stock plus the stock movements. Returns the tally and
 * one line per problem found.
 */
export async function checkBooks(
  db: Db,
  scope: BooksScope,
): Promise<{ tally: BooksTally; problems: string[] }> {
  const now = scope.now ?? new Date()
  const problems: string[] = []
  const tally: BooksTally = {
    orders: 0,
    paid: 0,
    cancelled: 0,
    charges: 0,
    refunds: 0,
    unsettled_orders: 0,
    double_charges: 0,
    missing_charges: 0,
    unrefunded_cancelled_charges: 0,
    oversold_units: 0,
    stock_not_settled: 0,
    stock_unreconciled: 0,
    coupons_over_limit: 0,
    leftover_reservations: 0,
  }

  const orders = []
  for (const keys of chunks(scope.idempotencyKeys)) {
    if (keys.length === 0) continue
    orders.push(
      ...(await db
        .selectFrom('orders')
        .select(['id', 'status', 'idempotency_key', 'checkout_workflow_id'])
        .where('idempotency_key', 'in', keys)
        .execute()),
    )
  }
  const orderIds = orders.map((o) => o.id)
  const payments = []
  const refunds = []
  const reservations = []
  for (const ids of chunks(orderIds)) {
    payments.push(
      ...(await db
        .selectFrom('payments')
        .select(['order_id', 'status', 'captured_minor', 'refunded_minor'])
        .where('order_id', 'in', ids)
        .execute()),
    )
    refunds.push(
      ...(await db
        .selectFrom('refunds')
        .select(['order_id', 'status'])
        .where('order_id', 'in', ids)
        .where('status', '=', 'succeeded')
        .execute()),
    )
  }
  const owners = orders.map((o) => `${o.checkout_workflow_id ?? ''}:${o.idempotency_key}`)
  for (const keys of chunks(owners)) {
    reservations.push(
      ...(await db
        .selectFrom('reservations')
        .select(['owner_key', 'status'])
        .where('owner_key', 'in', keys)
        .execute()),
    )
  }
  const byOrder = <T extends { order_id: string | null }>(rows: T[]) => {
    const map = new Map<string, T[]>()
    for (const row of rows)
      map.set(row.order_id ?? '', [...(map.get(row.order_id ?? '') ?? []), row])
    return map
  }
  const paymentsOf = byOrder(payments)
  const reservationsOf = new Map<string, string[]>()
  for (const r of reservations)
    reservationsOf.set(r.owner_key, [...(reservationsOf.get(r.owner_key) ?? []), r.status])
  tally.refunds = refunds.length

  for (const order of orders) {
    tally.orders += 1
    const charged = (paymentsOf.get(order.id) ?? []).filter((p) => CHARGED_PAYMENT.has(p.status))
    const gateway = scope.gateway?.get(order.id)
    const charges = gateway ? gateway.succeeded : charged.length
    tally.charges += charges
    const held =
      reservationsOf.get(`${order.checkout_workflow_id ?? ''}:${order.idempotency_key}`) ?? []
    if (PAID_STATUSES.has(order.status)) {
      tally.paid += 1
      if (charged.length > 1 || charges > 1) {
        tally.double_charges += 1
        problems.push(
          `order ${order.id} paid with ${charges} gateway / ${charged.length} recorded charges`,
        )
      } else if (charged.length === 0 || charges === 0) {
        tally.missing_charges += 1
        problems.push(`order ${order.id} is ${order.status} without a charge`)
      }
      if (held.length === 0 || held.some((s) => s !== 'committed')) {
        tally.stock_not_settled += 1
        problems.push(`order ${order.id} is ${order.status} with reservations [${held.join(', ')}]`)
      }
    } else if (order.status === 'cancelled') {
      tally.cancelled += 1
      const recordedKept = charged.reduce((n, p) => n + p.captured_minor - p.refunded_minor, 0)
      const gatewayKept = gateway ? gateway.capturedMinor - gateway.refundedMinor : 0
      if (recordedKept > 0 || gatewayKept > 0) {
        tally.unrefunded_cancelled_charges += 1
        problems.push(
          `cancelled order ${order.id} keeps ${Math.max(recordedKept, gatewayKept)} minor units`,
        )
      }
      if (held.some((s) => s === 'committed' || s === 'active')) {
        tally.stock_not_settled += 1
        problems.push(`cancelled order ${order.id} holds reservations [${held.join(', ')}]`)
      }
    } else {
      tally.unsettled_orders += 1
      problems.push(`order ${order.id} is still ${order.status}`)
    }
  }

  const variantIds = [...scope.initialStock.keys()]
  for (const ids of chunks(variantIds)) {
    if (ids.length === 0) continue
    const levels = await db
      .selectFrom('inventory_levels')
      .select([
        'variant_id',
        sql<number>`sum(on_hand)::int`.as('on_hand'),
        sql<number>`sum(reserved)::int`.as('reserved'),
      ])
      .where('variant_id', 'in', ids)
      .groupBy('variant_id')
      .execute()
    const movements = await db
      .selectFrom('stock_movements')
      .select([
        'variant_id',
        sql<number>`coalesce(sum(on_hand_delta), 0)::int`.as('on_hand'),
        sql<number>`coalesce(sum(reserved_delta), 0)::int`.as('reserved'),
      ])
      .where('variant_id', 'in', ids)
      .groupBy('variant_id')
      .execute()
    const sold = await db
      .selectFrom('order_items')
      .innerJoin('orders', 'orders.id', 'order_items.order_id')
      .select(['order_items.variant_id', sql<number>`sum(order_items.quantity)::int`.as('units')])
      .where('order_items.variant_id', 'in', ids)
      .where('orders.status', 'in', [...PAID_STATUSES] as ('paid' | 'fulfilling')[])
      .groupBy('order_items.variant_id')
      .execute()
    const leftover = await db
      .selectFrom('reservations')
      .select(['variant_id', sql<number>`count(*)::int`.as('n')])
      .where('variant_id', 'in', ids)
      .where('status', '=', 'active')
      .where('expires_at', '<', now)
      .groupBy('variant_id')
      .execute()
    tally.leftover_reservations += leftover.reduce((n, r) => n + r.n, 0)
    for (const r of leftover)
      problems.push(`${r.n} reservations of ${r.variant_id} active past expiry`)
    for (const variantId of ids) {
      const initial = scope.initialStock.get(variantId) ?? 0
      const level = levels.find((l) => l.variant_id === variantId) ?? { on_hand: 0, reserved: 0 }
      const moved = movements.find((m) => m.variant_id === variantId) ?? { on_hand: 0, reserved: 0 }
      const units = sold.find((s) => s.variant_id === variantId)?.units ?? 0
      tally.oversold_units += Math.max(0, units - initial) + Math.max(0, -level.on_hand)
      if (
        level.on_hand !== initial + moved.on_hand ||
        level.reserved !== moved.reserved ||
        level.on_hand !== initial - units
      ) {
        tally.stock_unreconciled += 1
        problems.push(
          `variant ${variantId}: on_hand ${level.on_hand}, reserved ${level.reserved}; start ${initial}, movements ${moved.on_hand}/${moved.reserved}, sold ${units}`,
        )
      }
    }
  }

  for (const ids of chunks(scope.couponIds ?? [])) {
    const coupons = await db
      .selectFrom('coupons')
      .leftJoin('coupon_redemptions', 'coupon_redemptions.coupon_id', 'coupons.id')
      .select([
        'coupons.id',
        'coupons.usage_limit_total',
        'coupons.times_redeemed',
        sql<number>`count(coupon_redemptions.id)::int`.as('redemptions'),
      ])
      .where('coupons.id', 'in', ids)
      .groupBy(['coupons.id', 'coupons.usage_limit_total', 'coupons.times_redeemed'])
      .execute()
    for (const c of coupons) {
      const limit = c.usage_limit_total ?? Number.POSITIVE_INFINITY
      if (c.redemptions > limit || c.times_redeemed > limit || c.times_redeemed !== c.redemptions) {
        tally.coupons_over_limit += 1
        problems.push(
          `coupon ${c.id}: limit ${String(c.usage_limit_total)}, times_redeemed ${c.times_redeemed}, redemptions ${c.redemptions}`,
        )
      }
    }
  }
  return { tally, problems }
}
