import { html, renderMail, type RenderedMail } from './mail-layout'
import type { RecipientContext } from '../notifier'

/** One item left in a cart, as shown in a reminder. */
export interface ReminderLine {
  name: string
  quantity: number
}

/** The two cart-abandonment reminders. */
export function cartReminderMail(
  r: RecipientContext,
  o: {
    reminder: 1 | 2
    lines: readonly ReminderLine[]
    restoreUrl: string
    coupon: { code: string; description: string } | null
  },
): RenderedMail {
  const items = o.lines.map((l) => `${l.quantity} × ${l.name}`)
  return renderMail({
    subject:
      o.reminder === 1
        ? 'You left something in your cart'
        : o.coupon
          ? `Still thinking it over? ${o.coupon.description} your cart`
          : 'Your cart is still waiting for you',
    greetingName: r.name,
    paragraphs: [
      o.reminder === 1
        ? 'You left these items in your cart. They are saved for you:'
        : 'Your cart is still saved. Here is what is in it:',
    ],
    extraHtml: html`<ul>
        ${items.map((i) => html`<li>${i}</li>`)}
      </ul>
      ${o.coupon
        ? html`<p>
            Use the code <strong>${o.coupon.code}</strong> for ${o.coupon.description} your order.
            It works once.
          </p>`
        : ''}`,
    extraText:
      items.join('\n') +
      (o.coupon
        ? `\n\nUse the code ${o.coupon.code} for ${o.coupon.description} your order. It works once.`
        : ''),
    action: { label: 'Return to your cart', url: o.restoreUrl },
    unsubscribeUrl: r.unsubscribeUrl,
  })
}
