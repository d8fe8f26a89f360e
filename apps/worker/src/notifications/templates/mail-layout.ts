/** A notification's subject with its HTML and plain-text bodies. */
export interface RenderedMail {
  subject: string
  text: string
  html: string
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )
}

/** Marks markup as already safe, so `html` does not escape it again. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

type HtmlValue = string | number | SafeHtml | readonly SafeHtml[]

/** Tagged template for HTML: every interpolated string is escaped; SafeHtml passes through. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? ''
  values.forEach((value, i) => {
    const part =
      value instanceof SafeHtml
        ? value.value
        : Array.isArray(value)
          ? value.map((v: SafeHtml) => v.value).join('')
          : escapeHtml(String(value))
    out += part + (strings[i + 1] ?? '')
  })
  return new SafeHtml(out)
}

/** A paragraph per line of text, a call-to-action link, and the footer (with unsubscribe when allowed). */
export interface MailContent {
  subject: string
  greetingName: string | null
  paragraphs: string[]
  /** Extra HTML between the paragraphs and the action (tables of items). */
  extraHtml?: SafeHtml
  extraText?: string
  action?: { label: string; url: string }
  unsubscribeUrl?: string
}

/** Renders mail content into the shared layout, HTML and plain text alike. */
export function renderMail(content: MailContent): RenderedMail {
  const hello = content.greetingName ? `Hello ${content.greetingName},` : 'Hello,'
  const footerText = content.unsubscribeUrl
    ? `You can turn these mails off: ${content.unsubscribeUrl}`
    : 'You receive this mail because of an order you placed with Emporium.'
  const text = [
    hello,
    ...content.paragraphs,
    ...(content.extraText ? [content.extraText] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
    '— Emporium',
    footerText,
  ].join('\n\n')
  const body = html`<!doctype html>
    <html>
      <body style="font-family: sans-serif; color: #222; max-width: 600px">
        <p>${hello}</p>
        ${content.paragraphs.map((p) => html`<p>${p}</p>`)} ${content.extraHtml ?? new SafeHtml('')}
        ${content.action
          ? html`<p>
              <a href="${content.action.url}" style="font-weight: bold">${content.action.label}</a>
            </p>`
          : new SafeHtml('')}
        <p>— Emporium</p>
        <p style="font-size: 12px; color: #666">
          ${content.unsubscribeUrl
            ? html`Don't want these mails? <a href="${content.unsubscribeUrl}">Unsubscribe</a>.`
            : 'You receive this mail because of an order you placed with Emporium.'}
        </p>
      </body>
    </html>`
  return { subject: content.subject, text, html: body.value }
}
