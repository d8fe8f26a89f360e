import { z } from 'zod'
import { InvalidArgumentError, isDomainError } from '../errors'
import { isCurrencyCode, parseDecimal, type Money } from '../money'
import { parseCsv } from './csv'
import { checkProductFields, ProductFields } from './product-input'

/** Most rows one import may hold. */
export const MAX_IMPORT_ROWS = 1000
/** Largest CSV text one import may send (characters). */
export const MAX_IMPORT_CSV_CHARS = 2_000_000

/** One imported product: a product input that may be published straight away. */
export const ImportProductRow = ProductFields.extend({
  status: z
    .enum(['draft', 'active'], { error: 'Status must be "draft" or "active"' })
    .default('draft'),
}).superRefine(checkProductFields)
export type ImportProductRow = z.infer<typeof ImportProductRow>

/** An import: CSV text (see `CSV_COLUMNS`) or a JSON array of product inputs. */
export const ImportProductsInput = z.object({
  /** Chosen by the client to follow progress while the import runs; generated when absent. */
  importId: z.uuid().optional(),
  source: z.discriminatedUnion('format', [
    z.object({ format: z.literal('csv'), text: z.string().min(1).max(MAX_IMPORT_CSV_CHARS) }),
    z.object({ format: z.literal('json'), rows: z.array(z.unknown()).min(1).max(MAX_IMPORT_ROWS) }),
  ]),
})
export type ImportProductsInput = z.infer<typeof ImportProductsInput>

/** Why one row was not imported; `row` counts data rows from 1 (the CSV header is not a row). */
export const ImportRowError = z.object({
  row: z.number().int(),
  field: z.string().optional(),
  message: z.string(),
})
export type ImportRowError = z.infer<typeof ImportRowError>

export const ImportResult = z.object({
  importId: z.uuid(),
  total: z.number().int(),
  imported: z.number().int(),
  failed: z.number().int(),
  errors: z.array(ImportRowError),
})
export type ImportResult = z.infer<typeof ImportResult>

/** Progress of an import, for a progress bar. */
export const ImportStatus = z.object({
  importId: z.uuid(),
  total: z.number().int(),
  processed: z.number().int(),
  imported: z.number().int(),
  failed: z.number().int(),
  done: z.boolean(),
})
export type ImportStatus = z.infer<typeof ImportStatus>

/** CSV columns besides `price_<CURRENCY>` (decimal major units, e.g. `price_USD` = `19.99`). */
export const CSV_COLUMNS = [
  'name',
  'description',
  'brand',
  'category',
  'tags',
  'attributes',
  'options',
  'sku_prefix',
  'status',
] as const

const CSV_FIELD_OF: Record<string, string> = { categoryPath: 'category', skuPrefix: 'sku_prefix' }

/** A CSV data row by column name, numbered from 1. */
export interface CsvImportRow {
  readonly row: number
  readonly cells: Readonly<Record<string, string>>
  readonly width: number
}

/** Splits CSV text into named rows; throws `InvalidArgumentError` for a file that cannot be read at all. */
export function readCsvImport(text: string): { header: string[]; rows: CsvImportRow[] } {
  const [rawHeader, ...data] = parseCsv(text)
  if (!rawHeader) throw new InvalidArgumentError('The CSV file is empty')
  const header = rawHeader.map((h) => {
    const name = h.trim()
    const price = /^price_([a-z]{3})$/i.exec(name)
    return price ? `price_${(price[1] ?? '').toUpperCase()}` : name.toLowerCase()
  })
  for (const column of header) {
    const price = /^price_([A-Z]{3})$/.exec(column)
    if (price && !isCurrencyCode(price[1]))
      throw new InvalidArgumentError(`Column ${column}: ${price[1]} is not a supported currency`)
    if (!price && !(CSV_COLUMNS as readonly string[]).includes(column))
      throw new InvalidArgumentError(
        `Unknown column "${column}"; columns are ${CSV_COLUMNS.join(', ')} and price_<CURRENCY>`,
      )
  }
  if (!header.includes('name')) throw new InvalidArgumentError('The CSV file needs a "name" column')
  const rows = data
    .map((cells, i) => ({ cells, row: i + 1 }))
    .filter(({ cells }) => !(cells.length === 1 && cells[0]?.trim() === ''))
  if (rows.length > MAX_IMPORT_ROWS)
    throw new InvalidArgumentError(`An import holds at most ${MAX_IMPORT_ROWS} rows`)
  return {
    header,
    rows: rows.map(({ cells, row }) => ({
      row,
      width: cells.length,
      cells: Object.fromEntries(header.map((h, k) => [h, cells[k] ?? ''])),
    })),
  }
}

const list = (cell: string) =>
  cell
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '')

function typedValue(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true'
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text
}

/**
 * Turns a CSV row into a product candidate: `tags` = `a|b`, `attributes` = `key:value|key:value`
 * (numbers and true/false typed), `options` = `Size:S,M|Colour:Red,Blue`, prices as decimals.
 */
export function csvRowToCandidate(
  row: CsvImportRow,
  columns: number,
): { candidate: Record<string, unknown>; errors: ImportRowError[] } {
  const errors: ImportRowError[] = []
  if (row.width !== columns)
    errors.push({ row: row.row, message: `Expected ${columns} cells, found ${row.width}` })
  const cell = (name: string) => (row.cells[name] ?? '').trim()
  const pairs = (name: string) =>
    list(cell(name)).flatMap((part) => {
      const at = part.indexOf(':')
      if (at > 0) return [[part.slice(0, at).trim(), part.slice(at + 1).trim()] as const]
      errors.push({ row: row.row, field: name, message: `"${part}" must be written name:value` })
      return []
    })
  const prices: Money[] = []
  for (const [column, text] of Object.entries(row.cells)) {
    const currency = /^price_([A-Z]{3})$/.exec(column)?.[1]
    if (!currency || !isCurrencyCode(currency) || text.trim() === '') continue
    try {
      prices.push(parseDecimal(text, currency))
    } catch (error) {
      if (!isDomainError(error)) throw error
      errors.push({ row: row.row, field: column, message: error.message })
    }
  }
  const candidate: Record<string, unknown> = {
    name: cell('name'),
    description: cell('description'),
    brand: cell('brand') || undefined,
    categoryPath: cell('category') || undefined,
    tags: list(cell('tags')),
    attributes: Object.fromEntries(pairs('attributes').map(([k, v]) => [k, typedValue(v)])),
    options: pairs('options').map(([name, values]) => ({
      name,
      values: values.split(',').map((v) => v.trim()),
    })),
    skuPrefix: cell('sku_prefix') || undefined,
    status: cell('status') || undefined,
    prices,
  }
  return { candidate, errors }
}

/** Validates one candidate row; CSV rows report the column name as `field`, JSON rows the path. */
export function validateImportRow(
  candidate: unknown,
  row: number,
  format: 'csv' | 'json',
): { ok: true; product: ImportProductRow } | { ok: false; errors: ImportRowError[] } {
  const parsed = ImportProductRow.safeParse(candidate)
  if (parsed.success) return { ok: true, product: parsed.data }
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const first = issue.path[0]
      const field =
        issue.path.length === 0
          ? undefined
          : format === 'csv'
            ? (CSV_FIELD_OF[String(first)] ?? String(first))
            : issue.path.map(String).join('.')
      return { row, ...(field === undefined ? {} : { field }), message: issue.message }
    }),
  }
}
