import type { Interaction } from '@emporium/domain/recommendations'

/** File name of the member purchase log inside a data folder. */
export const GROCERIES_FILE = 'Groceries_dataset.csv'

/**
 * Parses the purchase log (`Member_number,Date,itemDescription`, dates `DD-MM-YYYY`, CRLF or LF) into
 * purchases. A basket is one member on one day, the only grouping the log records.
 */
export function parseGroceriesCsv(text: string): Interaction[] {
  const lines = text.split(/\r?\n/)
  const header = lines[0]?.trim().toLowerCase()
  if (header !== 'member_number,date,itemdescription') {
    throw new Error(
      `Unexpected header ${JSON.stringify(lines[0])}; expected Member_number,Date,itemDescription`,
    )
  }
  const out: Interaction[] = []
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return
    const [member, date, ...rest] = line.split(',')
    const item = unquote(rest.join(',')).trim()
    const at = parseDayMonthYear(date ?? '')
    if (!member || item === '' || at === undefined)
      throw new Error(`Line ${index + 2} is malformed: ${JSON.stringify(line)}`)
    out.push({
      userId: member.trim(),
      itemId: item,
      at,
      kind: 'purchase',
      basketId: `${member.trim()}|${date?.trim()}`,
    })
  })
  return out
}

/** Epoch ms (UTC midnight) of a `DD-MM-YYYY` date, or undefined when it is not a real date. */
export function parseDayMonthYear(text: string): number | undefined {
  const match = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(text.trim())
  if (!match) return undefined
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const ms = Date.UTC(year, month - 1, day)
  const check = new Date(ms)
  return check.getUTCDate() === day && check.getUTCMonth() === month - 1 ? ms : undefined
}

function unquote(field: string): string {
  const trimmed = field.trim()
  return trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1).replaceAll('""', '"')
    : trimmed
}
