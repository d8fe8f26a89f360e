import { InvalidArgumentError } from '../errors'

/**
 * Reads RFC 4180 CSV (comma separated, `"` quoted, `""` escaping a quote, CRLF or LF line ends)
 * into rows of cells. Throws `InvalidArgumentError` on an unterminated quote.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  let quoteLine = 0
  for (; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        cell += c
      }
    } else if (c === '"' && cell === '') {
      quoted = true
      quoteLine = line
    } else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      line++
    } else cell += c
  }
  if (quoted)
    throw new InvalidArgumentError(`The quote opened on line ${quoteLine} is never closed`)
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}
