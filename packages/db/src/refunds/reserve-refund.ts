import { format, money, parseCurrency, validateRefund } from '@emporium/domain'
import type { Db } from '../client'

/** One order line (and how many of its units) to refund. */
export interface RefundItemRequest {
  orderItemId: number
  quantity: number
}

export interface ReserveRefundInput {
  orderId: string
  /** Unique per refund request (the caller scopes the client's key); a repeat finds the same refund. */
  requestKey: string
  /** Refund by amount (minor units of the order's currency) … */
  amountMinor?: number
  /** … or by items: their share of the order, tax and discounts included. */
  items?: readonly RefundItemRequest[]
  restock: boolean
  reason: string | null
  requestedBy: string | null
  /** Set when a seller asks: only orders and lines of this store. */
  sellerId?: string
}

/** A refund held against its payment, waiting for the gateway. */
export interface ReservedRefund {
  refundId: string
  orderId: string
  paymentId: string
  intentId: string
  amountMinor: number
  currency: string
  status: 'pending' | 'succeeded' | 'failed'
}

export type RefundRefusalCode =
  | 'NOT_FOUND'
  | 'NOT_REFUNDABLE'
  | 'INVALID_ITEMS'
  | 'REFUND_EXCEEDS_REMAINING'

export type ReserveRefundResult =
  | ({ ok: true; created: boolean } & ReservedRefund)
  | { ok: false; code: RefundRefusalCode; message: string }

// 'refunded' stays in: a further request then hears "nothing is left to refund".
const REFUNDABLE_PAYMENT = ['captured', 'partially_refunded', 'refunded'] as const

/** Thrown inside the transaction so everything it did rolls back; becomes a typed refusal outside. */
class Refusal extends Error {
  constructor(
    readonly code: RefundRefusalCode,
    message: string,
  ) {
    super(message)
  }
}

async function existingRefund(db: Db, requestKey: string): Promise<ReservedRefund | undefined> {
  const row = await db
    .selectFrom('refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.payment_id')
    .select([
      'r.id as refundId',
      'p.order_id as orderId',
      'p.id as paymentId',
      'p.intent_id as intentId',
      'r.amount_minor as amountMinor',
      'r.currency',
      'r.status',
    ])
    .where('r.idempotency_key', '=', requestKey)
    .executeTakeFirst()
  return row
}

/**
 * Holds a refund against the order's captured payment, once per `requestKey`: inserts the pending
 * refund (and its items), moves `payments.refunded_minor` and the lines' `refunded_quantity` in
 * one transaction. The payment row is locked first, so concurrent refunds of one order are checked
 * one after the other; the CHECK constraints on both columns (and the refunds trigger) make
 * "never more than captured" hold even if this check were bypassed.
 */
export async function reserveRefund(
  db: Db,
  input: ReserveRefundInput,
): Promise<ReserveRefundResult> {
  const before = await existingRefund(db, input.requestKey)
  if (before) return { ok: true, created: false, ...before }
  try {
    const reserved = await db.transaction().execute((trx) => reserveInTransaction(trx, input))
    return { ok: true, created: true, ...reserved }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, code: error.code, message: error.message }
    const pg = error as { code?: string; constraint?: string }
    // A concurrent request with the same key won the insert: answer with its refund.
    if (pg.code === '23505') {
      const raced = await existingRefund(db, input.requestKey)
      if (raced) return { ok: true, created: false, ...raced }
    }
    // The database refused what the check above allowed (it cannot, unless the rows changed
    // underneath): still a refusal the requester can understand, never a silent over-refund.
    if (pg.code === '23514') {
      return {
        ok: false,
        code: 'REFUND_EXCEEDS_REMAINING',
        message: 'This refund would exceed what is left to refund of the payment.',
      }
    }
    throw error
  }
}

async function reserveInTransaction(trx: Db, input: ReserveRefundInput): Promise<ReservedRefund> {
  const hasAmount = input.amountMinor !== undefined
  const hasItems = input.items !== undefined && input.items.length > 0
  if (hasAmount === hasItems) {
    throw new Refusal('INVALID_ITEMS', 'Give either an amount or the items to refund, not both.')
  }
  const order = await trx
    .selectFrom('orders')
    .select(['id', 'status', 'currency'])
    .where('id', '=', input.orderId)
    .executeTakeFirst()
  const lines = await trx
    .selectFrom('order_items')
    .selectAll()
    .where('order_id', '=', input.orderId)
    .orderBy('id')
    .forUpdate()
    .execute()
  const sellerId = input.sellerId
  if (!order || (sellerId && !lines.some((l) => l.seller_id === sellerId))) {
    throw new Refusal('NOT_FOUND', 'No such order.')
  }
  const payment = await trx
    .selectFrom('payments')
    .select(['id', 'intent_id', 'captured_minor', 'refunded_minor', 'currency', 'status'])
    .where('order_id', '=', input.orderId)
    .where('status', 'in', REFUNDABLE_PAYMENT)
    .where('captured_minor', '>', 0)
    .orderBy('created_at', 'desc')
    .forUpdate()
    .executeTakeFirst()
  if (!payment) {
    throw new Refusal(
      'NOT_REFUNDABLE',
      `Order ${order.status === 'pending' ? 'has not been paid yet' : `is ${order.status.replaceAll('_', ' ')} and has no captured payment`}, so there is nothing to refund.`,
    )
  }

  let amountMinor: number
  const itemRows: { order_item_id: number; quantity: number; amount_minor: number }[] = []
  if (hasItems) {
    for (const request of input.items ?? []) {
      const line = lines.find((l) => l.id === request.orderItemId)
      if (!line || (sellerId && line.seller_id !== sellerId)) {
        throw new Refusal('INVALID_ITEMS', `Item ${request.orderItemId} is not part of this order.`)
      }
      if (itemRows.some((r) => r.order_item_id === line.id)) {
        throw new Refusal('INVALID_ITEMS', `Item ${line.sku} is listed twice.`)
      }
      const left = line.quantity - line.refunded_quantity
      if (!Number.isInteger(request.quantity) || request.quantity <= 0 || request.quantity > left) {
        throw new Refusal(
          'INVALID_ITEMS',
          left === 0
            ? `All ${line.quantity} of ${line.sku} have already been refunded.`
            : `Only ${left} of ${line.sku} can still be refunded (asked for ${request.quantity}).`,
        )
      }
      itemRows.push({
        order_item_id: line.id,
        quantity: request.quantity,
        amount_minor: await lineRefundAmount(trx, line, request.quantity),
      })
    }
    amountMinor = itemRows.reduce((total, r) => total + r.amount_minor, 0)
  } else {
    if (sellerId && lines.some((l) => l.seller_id !== sellerId)) {
      throw new Refusal(
        'INVALID_ITEMS',
        'This order also holds other stores’ items: refund your own items instead of an amount.',
      )
    }
    amountMinor = input.amountMinor ?? 0
  }

  const currency = parseCurrency(payment.currency)
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
    throw new Refusal('INVALID_ITEMS', 'A refund must be above zero.')
  }
  const check = validateRefund(
    money(payment.captured_minor, currency),
    payment.refunded_minor > 0 ? [money(payment.refunded_minor, currency)] : [],
    money(amountMinor, currency),
  )
  if (!check.ok) {
    throw new Refusal(
      check.error.code === 'REFUND_EXCEEDS_REMAINING'
        ? 'REFUND_EXCEEDS_REMAINING'
        : 'INVALID_ITEMS',
      check.error.message,
    )
  }

  await trx
    .updateTable('payments')
    .set((eb) => ({ refunded_minor: eb('refunded_minor', '+', amountMinor) }))
    .where('id', '=', payment.id)
    .execute()
  for (const row of itemRows) {
    await trx
      .updateTable('order_items')
      .set((eb) => ({ refunded_quantity: eb('refunded_quantity', '+', row.quantity) }))
      .where('id', '=', row.order_item_id)
      .execute()
  }
  const refund = await trx
    .insertInto('refunds')
    .values({
      payment_id: payment.id,
      order_id: input.orderId,
      amount_minor: amountMinor,
      currency: payment.currency,
      reason: input.reason,
      idempotency_key: input.requestKey,
      restock: input.restock && hasItems,
      requested_by: input.requestedBy,
    })
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow()
  if (itemRows.length > 0) {
    await trx
      .insertInto('refund_items')
      .values(itemRows.map((r) => ({ ...r, refund_id: refund.id })))
      .execute()
  }
  return {
    refundId: refund.id,
    orderId: input.orderId,
    paymentId: payment.id,
    intentId: payment.intent_id,
    amountMinor,
    currency: payment.currency,
    status: refund.status,
  }
}

/**
 * A line's refund for `quantity` units: its share of what was paid for the line (price − discount
 * + tax), rounded down; the refund that takes the line's last units gets exactly what is left of
 * it, so the parts add up to the line total.
 */
async function lineRefundAmount(
  trx: Db,
  line: {
    id: number
    quantity: number
    refunded_quantity: number
    unit_price_minor: number
    discount_minor: number
    tax_minor: number
  },
  quantity: number,
): Promise<number> {
  const lineTotal = line.unit_price_minor * line.quantity - line.discount_minor + line.tax_minor
  if (line.refunded_quantity + quantity < line.quantity) {
    return Math.floor((lineTotal * quantity) / line.quantity)
  }
  const earlier = await trx
    .selectFrom('refund_items as ri')
    .innerJoin('refunds as r', 'r.id', 'ri.refund_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('ri.amount_minor'), eb.lit(0)).as('total'))
    .where('ri.order_item_id', '=', line.id)
    .where('r.status', '<>', 'failed')
    .executeTakeFirstOrThrow()
  return lineTotal - Number(earlier.total)
}

/** Formats minor units of `currency` for messages ("$12.50"). */
export function formatMinor(amountMinor: number, currency: string): string {
  return format(money(amountMinor, parseCurrency(currency)))
}
