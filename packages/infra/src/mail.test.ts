import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createMailer } from './mail'
import { testConfig } from './testing'

interface MailpitSearch {
  messages: { ID: string; Subject: string; To: { Address: string }[] }[]
}

async function findMail(baseUrl: string, to: string): Promise<MailpitSearch['messages']> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const response = await fetch(`${baseUrl}/api/v1/search?query=${encodeURIComponent(`to:${to}`)}`)
    if (!response.ok) throw new Error(`Mailpit search failed: ${response.status}`)
    const body = (await response.json()) as MailpitSearch
    if (body.messages.length > 0) return body.messages
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return []
}

describe('SMTP through Mailpit (real server of the stack)', () => {
  const config = testConfig()
  const { mailer, kind } = createMailer(config)

  it('sends a mail over SMTP and reads it back from the Mailpit API', async () => {
    expect(kind).toBe('smtp')
    const to = `shopper-${randomUUID()}@example.test`
    await mailer.sendMail({
      from: config.MAIL_FROM,
      to,
      subject: 'Your Emporium order',
      text: 'Order EMP-1 confirmed.',
      html: '<p>Order <b>EMP-1</b> confirmed.</p>',
    })
    const messages = await findMail(config.MAILPIT_URL, to)
    expect(messages).toHaveLength(1)
    expect(messages[0]?.Subject).toBe('Your Emporium order')
    const detail = (await (
      await fetch(`${config.MAILPIT_URL}/api/v1/message/${messages[0]?.ID}`)
    ).json()) as {
      Text: string
    }
    expect(detail.Text).toContain('Order EMP-1 confirmed.')
  })
})
