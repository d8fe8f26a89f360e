interface MailpitMessage {
  ID: string
  Subject: string
}

/** Waits for the newest mail to `to` whose subject matches, and returns its plain-text body. */
export async function waitForMail(
  mailpitUrl: string,
  to: string,
  subject: RegExp,
  timeoutMs = 15_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs
  const query = encodeURIComponent(`to:"${to}"`)
  while (Date.now() < deadline) {
    const response = await fetch(`${mailpitUrl}/api/v1/search?query=${query}`)
    if (!response.ok) throw new Error(`Mailpit search failed: ${response.status}`)
    const { messages } = (await response.json()) as { messages: MailpitMessage[] }
    const match = messages.find((m) => subject.test(m.Subject))
    if (match) {
      const detail = await fetch(`${mailpitUrl}/api/v1/message/${match.ID}`)
      return ((await detail.json()) as { Text: string }).Text
    }
    await new Promise((resolve) => setTimeout(resolve, 150))
  }
  throw new Error(`no mail to ${to} matching ${String(subject)} within ${timeoutMs} ms`)
}

/** The first link in a mail body that starts with `prefix` (e.g. the web origin + `/verify-email`). */
export function linkFromMail(text: string, prefix: string): string {
  const start = text.indexOf(`${prefix}?token=`)
  if (start < 0) throw new Error(`no ${prefix} link in mail:\n${text}`)
  return /^\S+/.exec(text.slice(start))?.[0] ?? ''
}
