import { html, renderMail, type RenderedMail } from './mail-layout'
import type { RecipientContext } from '../notifier'

/** Mails about a shopper's reviews and a seller's store. */
export const accountMails = {
  reviewReplied: (
    r: RecipientContext,
    o: { productName: string; reply: string | null; productUrl: string },
  ): RenderedMail =>
    renderMail({
      subject: `The seller replied to your review of ${o.productName}`,
      greetingName: r.name,
      paragraphs: [`The seller of ${o.productName} replied to your review.`],
      ...(o.reply
        ? { extraHtml: html`<blockquote>${o.reply}</blockquote>`, extraText: `“${o.reply}”` }
        : {}),
      action: { label: 'See the reply', url: o.productUrl },
      unsubscribeUrl: r.unsubscribeUrl,
    }),

  stockLow: (
    r: RecipientContext,
    o: {
      storeName: string
      sku: string
      warehouseCode: string
      available: number
      threshold: number
      inventoryUrl: string
    },
  ): RenderedMail =>
    renderMail({
      subject: `Low stock: ${o.sku} (${o.available} left)`,
      greetingName: r.name,
      paragraphs: [
        `${o.storeName}: only ${o.available} of ${o.sku} left to sell in warehouse ${o.warehouseCode} (your alert threshold is ${o.threshold}).`,
        'Restock soon so shoppers can keep buying it.',
      ],
      action: { label: 'Open your inventory', url: o.inventoryUrl },
      unsubscribeUrl: r.unsubscribeUrl,
    }),
}
