interface MailpitMessage {
  ID: string
  Subject: string
}

/** Waits for the newest mail to `to` whose subject matches, and returns its plain-text body. */
export async function waitForMail(
  mailpitUrl: string,
  to: string,
  subject: RegExp,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const response = await fetch(
      `${mailpitUrl}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}`,
    )
    if (!response.ok) throw new Error(`Mailpit search failed: ${response.status}`)
    const { messages } = (await response.json()) as { messages: MailpitMessage[] }
    const match = messages.find((m) => subject.test(m.Subject))
    if (match) {
      const detail = (await (await fetch(`${mailpitUrl}/api/v1/message/${match.ID}`)).json()) as {
        Text: string
      }
      return detail.Text
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no mail to ${to} matching ${String(subject)} within ${timeoutMs} ms`)
}

/** Counts the mails Mailpit holds for `to`. */
export async function countMails(mailpitUrl: string, to: string): Promise<number> {
  const response = await fetch(
    `${mailpitUrl}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}`,
  )
  return ((await response.json()) as { messages_count: number }).messages_count
}

/** The token of the first link in a mail body pointing at `path`. */
export function tokenFromMail(text: string, path: string): string {
  const match = new RegExp(`${path.replace(/[/]/g, '\\/')}\\?token=([A-Za-z0-9_%-]+)`).exec(text)
  if (!match?.[1]) throw new Error(`no ${path} link in mail:\n${text}`)
  return decodeURIComponent(match[1])
}
