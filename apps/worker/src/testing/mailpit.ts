import { setTimeout as sleep } from 'node:timers/promises'

/** A mail as Mailpit stored it. */
export interface StoredMail {
  subject: string
  text: string
  html: string
  headers: Record<string, string[]>
}

interface SearchResult {
  messages: { ID: string; Subject: string }[]
}

async function search(mailpitUrl: string, to: string): Promise<SearchResult['messages']> {
  const response = await fetch(
    `${mailpitUrl}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}`,
  )
  if (!response.ok) throw new Error(`Mailpit search failed: ${response.status}`)
  return ((await response.json()) as SearchResult).messages
}

/** Every mail Mailpit holds for `to`, oldest first, with bodies and headers. */
export async function mailsTo(mailpitUrl: string, to: string): Promise<StoredMail[]> {
  const messages = await search(mailpitUrl, to)
  const mails = await Promise.all(
    messages.map(async (m) => {
      const detail = (await (await fetch(`${mailpitUrl}/api/v1/message/${m.ID}`)).json()) as {
        Subject: string
        Text: string
        HTML: string
      }
      const headers = (await (
        await fetch(`${mailpitUrl}/api/v1/message/${m.ID}/headers`)
      ).json()) as Record<string, string[]>
      return { subject: detail.Subject, text: detail.Text, html: detail.HTML, headers }
    }),
  )
  return mails.reverse()
}

/** Waits until Mailpit holds `count` mails for `to` and returns them, oldest first. */
export async function waitForMails(
  mailpitUrl: string,
  to: string,
  count = 1,
  timeoutMs = 10_000,
): Promise<StoredMail[]> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if ((await search(mailpitUrl, to)).length >= count) return mailsTo(mailpitUrl, to)
    await sleep(100)
  }
  throw new Error(`fewer than ${count} mails to ${to} within ${timeoutMs} ms`)
}
