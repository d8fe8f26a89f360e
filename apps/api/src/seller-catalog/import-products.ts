import { randomUUID } from 'node:crypto'
import { TRPCError } from '@trpc/server'
import { createProduct } from '@emporium/db'
import { isDomainError } from '@emporium/domain'
import {
  csvRowToCandidate,
  productSlug,
  publishProblems,
  readCsvImport,
  validateImportRow,
  type ImportProductsInput,
  type ImportResult,
  type ImportRowError,
  type ImportStatus,
} from '@emporium/domain/catalog'
import type { Context } from '../context'
import { knownWriteProblem, prepareProductWrite } from './prepare-product'

/** How long an import's progress stays readable after it started. */
const PROGRESS_TTL_S = 24 * 60 * 60
const progressKey = (importId: string) => `import:${importId}`

interface PendingRow {
  row: number
  candidate: unknown
  errors: ImportRowError[]
}

function readRows(source: ImportProductsInput['source']): PendingRow[] {
  if (source.format === 'json')
    return source.rows.map((candidate, i) => ({ row: i + 1, candidate, errors: [] }))
  try {
    const { header, rows } = readCsvImport(source.text)
    return rows.map((row) => {
      const { candidate, errors } = csvRowToCandidate(row, header.length)
      return { row: row.row, candidate, errors }
    })
  } catch (error) {
    if (!isDomainError(error)) throw error
    throw new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error })
  }
}

/** Imports one row in its own transaction; returns its errors (empty when imported). */
async function importRow(
  ctx: Context,
  sellerId: string,
  pending: PendingRow,
  format: 'csv' | 'json',
): Promise<ImportRowError[]> {
  const { row } = pending
  const checked = validateImportRow(pending.candidate, row, format)
  if (!checked.ok || pending.errors.length > 0)
    return [...pending.errors, ...(checked.ok ? [] : checked.errors)]
  const product = checked.product
  const id = randomUUID()
  const prepared = await prepareProductWrite(ctx.db, id, product)
  if (!prepared.ok) {
    const field =
      format === 'csv' && prepared.problem.field === 'categoryPath'
        ? 'category'
        : prepared.problem.field
    return [{ row, ...(field ? { field } : {}), message: prepared.problem.message }]
  }
  if (product.status === 'active') {
    const problems = publishProblems(
      prepared.write.variants.map((v) => ({ sku: v.sku, prices: [...v.prices] })),
    )
    if (problems.length > 0) return problems.map((message) => ({ row, field: 'status', message }))
  }
  try {
    await createProduct(ctx.db, {
      id,
      sellerId,
      slug: productSlug(product.name, id),
      status: product.status,
      product: prepared.write,
    })
    return []
  } catch (error) {
    const problem = knownWriteProblem(error)
    if (!problem) throw error
    return [{ row, ...(problem.field ? { field: problem.field } : {}), message: problem.message }]
  }
}

/**
 * Imports products row by row, each in its own transaction, so a bad row never blocks the good
 * ones; progress is kept in the Redis hash `import:<id>` for `readImportStatus`.
 */
export async function importProducts(
  ctx: Context,
  sellerId: string,
  input: ImportProductsInput,
): Promise<ImportResult> {
  const rows = readRows(input.source)
  const importId = input.importId ?? randomUUID()
  const key = progressKey(importId)
  if ((await ctx.redis.hsetnx(key, 'sellerId', sellerId)) === 0)
    throw new TRPCError({ code: 'CONFLICT', message: 'An import with this id already exists.' })
  await ctx.redis
    .multi()
    .hset(key, { total: rows.length, processed: 0, imported: 0, failed: 0, done: 0 })
    .expire(key, PROGRESS_TTL_S)
    .exec()
  const errors: ImportRowError[] = []
  let imported = 0
  try {
    for (const pending of rows) {
      const rowErrors = await importRow(ctx, sellerId, pending, input.source.format)
      errors.push(...rowErrors)
      if (rowErrors.length === 0) imported++
      await ctx.redis
        .multi()
        .hincrby(key, 'processed', 1)
        .hincrby(key, rowErrors.length === 0 ? 'imported' : 'failed', 1)
        .exec()
    }
  } finally {
    await ctx.redis.hset(key, 'done', 1)
  }
  return { importId, total: rows.length, imported, failed: rows.length - imported, errors }
}

/** Progress of one of the seller's imports; NOT_FOUND for an unknown or another seller's import. */
export async function readImportStatus(
  ctx: Context,
  sellerId: string,
  importId: string,
): Promise<ImportStatus> {
  const hash = await ctx.redis.hgetall(progressKey(importId))
  if (hash.sellerId !== sellerId)
    throw new TRPCError({ code: 'NOT_FOUND', message: 'No such import.' })
  const n = (field: string) => Number(hash[field] ?? 0)
  return {
    importId,
    total: n('total'),
    processed: n('processed'),
    imported: n('imported'),
    failed: n('failed'),
    done: hash.done === '1',
  }
}
