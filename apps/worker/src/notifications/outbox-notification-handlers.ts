import {
  findOrderMailLines,
  findReviewReplyContext,
  findSellerOwner,
  type Db,
  type OutboxEvent,
} from '@emporium/db'
import { money, parseCurrency, parseNotificationEvent } from '@emporium/domain'
import type { Config, Logger } from '@emporium/infra'
import type { OutboxHandler } from '../outbox'
import type { Notifier } from './notifier'
import { accountMails } from './templates/account-mails'
import { orderMails } from './templates/order-mails'

/** The notification-log source of an outbox event. */
export const outboxSource = (event: Pick<OutboxEvent, 'id'>) => `outbox:${event.id}`

/**
 * Outbox handlers that mail customers and sellers about their orders, reviews and stock. Each
 * handler is safe to run again for the same event: the notifier sends once per event and user.
 */
export function createNotificationHandlers(deps: {
  db: Db
  notifier: Notifier
  logger: Logger
  config: Pick<Config, 'WEB_ORIGIN'>
}): Record<'order' | 'review' | 'seller', OutboxHandler[]> {
  const { db, notifier, config } = deps
  const web = (path: string) => `${config.WEB_ORIGIN.replace(/\/$/, '')}${path}`
  const orderUrl = (orderId: string) => web(`/orders/${orderId}`)

  const parse = parseNotificationEvent

  async function onOrder(event: OutboxEvent): Promise<void> {
    const source = outboxSource(event)
    switch (event.event_type) {
      case 'order.paid': {
        const p = parse('order.paid', event.payload)
        const lines = await findOrderMailLines(db, p.orderId)
        await notifier.notify({
          source,
          userId: p.userId,
          kind: 'order_confirmation',
          payload: p,
          render: (r) =>
            orderMails.confirmation(r, {
              orderNumber: p.orderNumber,
              total: p.total,
              orderUrl: orderUrl(p.orderId),
              lines: lines.map((l) => ({
                name: l.name,
                quantity: l.quantity,
                lineTotal: money(l.lineTotalMinor, parseCurrency(l.currency)),
              })),
            }),
        })
        return
      }
      case 'order.payment_failed': {
        const p = parse('order.payment_failed', event.payload)
        await notifier.notify({
          source,
          userId: p.userId,
          kind: 'payment_failed',
          payload: p,
          render: (r) =>
            orderMails.paymentFailed(r, {
              ...p,
              // Events recorded before `final` existed: the last attempt by number was final.
              final: p.final ?? p.attempt >= p.maxAttempts,
              orderUrl: orderUrl(p.orderId),
            }),
        })
        return
      }
      case 'order.shipped': {
        const p = parse('order.shipped', event.payload)
        await notifier.notify({
          source,
          userId: p.userId,
          kind: 'order_shipped',
          channels: ['email', 'push'],
          payload: p,
          render: (r) => orderMails.shipped(r, { ...p, orderUrl: orderUrl(p.orderId) }),
        })
        return
      }
      case 'order.refunded': {
        const p = parse('order.refunded', event.payload)
        await notifier.notify({
          source,
          userId: p.userId,
          kind: 'order_refunded',
          payload: p,
          render: (r) => orderMails.refunded(r, { ...p, orderUrl: orderUrl(p.orderId) }),
        })
        return
      }
      case 'order.cancelled': {
        const p = parse('order.cancelled', event.payload)
        await notifier.notify({
          source,
          userId: p.userId,
          kind: 'order_cancelled',
          payload: p,
          render: (r) => orderMails.cancelled(r, { ...p, orderUrl: orderUrl(p.orderId) }),
        })
        return
      }
      default:
        return // other order events (delivered, …) send nothing
    }
  }

  async function onReview(event: OutboxEvent): Promise<void> {
    if (event.event_type !== 'review.replied') return
    const p = parse('review.replied', event.payload)
    const review = await findReviewReplyContext(db, p.reviewId)
    if (!review) {
      deps.logger.warn(
        { reviewId: p.reviewId, eventId: event.id },
        'replied review no longer exists; no mail',
      )
      return
    }
    await notifier.notify({
      source: outboxSource(event),
      userId: p.reviewerId,
      kind: 'review_reply',
      payload: p,
      render: (r) =>
        accountMails.reviewReplied(r, {
          productName: review.productName,
          reply: review.seller_reply,
          productUrl: web(`/products/${review.slug}`),
        }),
    })
  }

  async function onSeller(event: OutboxEvent): Promise<void> {
    if (event.event_type !== 'stock.low') return
    const p = parse('stock.low', event.payload)
    const seller = await findSellerOwner(db, p.sellerId)
    if (!seller) {
      deps.logger.warn(
        { sellerId: p.sellerId, eventId: event.id },
        'seller no longer exists; no stock alert',
      )
      return
    }
    await notifier.notify({
      source: outboxSource(event),
      userId: seller.user_id,
      kind: 'stock_low',
      payload: p,
      render: (r) =>
        accountMails.stockLow(r, {
          ...p,
          storeName: seller.store_name,
          inventoryUrl: web('/sell'),
        }),
    })
  }

  return { order: [onOrder], review: [onReview], seller: [onSeller] }
}
