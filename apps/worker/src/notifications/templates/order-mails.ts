import { format, money, parseCurrency, type Money } from '@emporium/domain'
import { html, renderMail, type RenderedMail } from './mail-layout'
import type { RecipientContext } from '../notifier'

/** One line of an order as listed in a mail. */
export interface MailOrderLine {
  name: string
  quantity: number
  lineTotal: Money
}

const show = (m: { amount: number; currency: string }) =>
  format(money(m.amount, parseCurrency(m.currency)))

function lineTable(lines: readonly MailOrderLine[]) {
  return {
    extraHtml: html`<table cellpadding="4">
      ${lines.map(
        (l) =>
          html`<tr>
            <td>${l.quantity} × ${l.name}</td>
            <td align="right">${format(l.lineTotal)}</td>
          </tr>`,
      )}
    </table>`,
    extraText: lines.map((l) => `${l.quantity} × ${l.name}  ${format(l.lineTotal)}`).join('\n'),
  }
}

/** The mails about an order, one function per event. */
export const orderMails = {
  confirmation: (
    r: RecipientContext,
    o: {
      orderNumber: number
      total: { amount: number; currency: string }
      lines: readonly MailOrderLine[]
      orderUrl: string
    },
  ): RenderedMail =>
    renderMail({
      subject: `Order #${o.orderNumber} confirmed`,
      greetingName: r.name,
      paragraphs: [
        `Thank you for your order #${o.orderNumber}. We received your payment of ${show(o.total)}.`,
      ],
      ...lineTable(o.lines),
      action: { label: 'View your order', url: o.orderUrl },
    }),

  paymentFailed: (
    r: RecipientContext,
    o: {
      orderNumber: number
      attempt: number
      maxAttempts: number
      /** The checkout gave up after this attempt and cancels the order. */
      final: boolean
      message: string
      orderUrl: string
    },
  ): RenderedMail => {
    const failed = `We could not take the payment for order #${o.orderNumber}: ${o.message}`
    // After its last attempt the checkout cancels the order at once (stock released, nothing
    // charged): no new payment method can save it any more. The attempt number alone does not
    // say so (a charge retried after an outage keeps its number).
    if (o.final)
      return renderMail({
        subject: `Payment for order #${o.orderNumber} failed`,
        greetingName: r.name,
        paragraphs: [
          failed,
          `That was the last of ${o.maxAttempts} attempts, so order #${o.orderNumber} has been cancelled and nothing was charged. You are welcome to place the order again with another payment method.`,
        ],
        action: { label: 'View your order', url: o.orderUrl },
      })
    return renderMail({
      subject: `Payment for order #${o.orderNumber} failed`,
      greetingName: r.name,
      paragraphs: [
        failed,
        `Please update your payment method so we can try again (attempt ${o.attempt} of ${o.maxAttempts}).`,
      ],
      action: { label: 'Update your payment method', url: o.orderUrl },
    })
  },

  shipped: (
    r: RecipientContext,
    o: { orderNumber: number; carrier: string; trackingNumber: string; orderUrl: string },
  ): RenderedMail =>
    renderMail({
      subject: `Order #${o.orderNumber} has shipped`,
      greetingName: r.name,
      paragraphs: [
        `Good news: part or all of order #${o.orderNumber} is on its way with ${o.carrier}.`,
        `Tracking number: ${o.trackingNumber}`,
      ],
      action: { label: 'Track your order', url: o.orderUrl },
    }),

  refunded: (
    r: RecipientContext,
    o: { orderNumber: number; amount: { amount: number; currency: string }; orderUrl: string },
  ): RenderedMail =>
    renderMail({
      subject: `Refund of ${show(o.amount)} for order #${o.orderNumber}`,
      greetingName: r.name,
      paragraphs: [
        `We refunded ${show(o.amount)} for order #${o.orderNumber} to your original payment method.`,
        'Depending on your bank it can take a few days to show on your statement.',
      ],
      action: { label: 'View your order', url: o.orderUrl },
    }),

  cancelled: (
    r: RecipientContext,
    o: { orderNumber: number; message: string; orderUrl: string },
  ): RenderedMail =>
    renderMail({
      subject: `Order #${o.orderNumber} was cancelled`,
      greetingName: r.name,
      paragraphs: [
        `Your order #${o.orderNumber} was cancelled: ${o.message}`,
        'You have not been charged for it.',
      ],
      action: { label: 'View your order', url: o.orderUrl },
    }),
}
