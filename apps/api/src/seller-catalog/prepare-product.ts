import { TRPCError } from '@trpc/server'
import { findCategoryById, findCategoryByPath, type Db, type ProductWrite } from '@emporium/db'
import { buildVariants, defaultSkuPrefix, type ProductInput } from '@emporium/domain/catalog'

/** A problem with one field of a product input, worded for the seller. */
export interface FieldProblem {
  field?: string
  message: string
}

/**
 * Resolves the category and builds the variants of `input` for product `productId` (whose id
 * gives the default SKU prefix, so SKUs stay the same across edits).
 */
export async function prepareProductWrite(
  db: Db,
  productId: string,
  input: ProductInput,
): Promise<{ ok: true; write: ProductWrite } | { ok: false; problem: FieldProblem }> {
  let categoryId: number | null = null
  if (input.categoryId !== undefined) {
    const category = await findCategoryById(db, input.categoryId)
    if (!category)
      return { ok: false, problem: { field: 'categoryId', message: 'No such category' } }
    categoryId = category.id
  } else if (input.categoryPath !== undefined) {
    const category = await findCategoryByPath(db, input.categoryPath)
    if (!category)
      return {
        ok: false,
        problem: { field: 'categoryPath', message: `No category "${input.categoryPath}"` },
      }
    categoryId = category.id
  }
  const built = buildVariants(input, input.skuPrefix ?? defaultSkuPrefix(productId))
  if (!built.ok) {
    const [issue] = built.issues
    return {
      ok: false,
      problem: { field: issue?.path.join('.'), message: issue?.message ?? 'Invalid variants' },
    }
  }
  return {
    ok: true,
    write: {
      categoryId,
      name: input.name,
      description: input.description,
      brand: input.brand ?? null,
      attributes: input.attributes,
      tags: [...new Set(input.tags)],
      options: input.options,
      variants: built.variants,
    },
  }
}

/** The seller-facing refusal for a write the database rejected, or undefined for a surprise. */
export function knownWriteProblem(error: unknown): FieldProblem | undefined {
  const pg = error as { code?: string; constraint?: string; detail?: string }
  if (pg.code === '23505' && pg.constraint === 'product_variants_sku_key') {
    const sku = /\(sku\)=\((.*)\)/.exec(pg.detail ?? '')?.[1]
    return {
      field: 'sku',
      message: `SKU ${sku ?? ''} is already used by another product; choose another SKU or SKU prefix`,
    }
  }
  return undefined
}

/** Throws the tRPC error for a refused product write: CONFLICT for a taken SKU, BAD_REQUEST else. */
export function throwWriteProblem(problem: FieldProblem, cause?: unknown): never {
  throw new TRPCError({
    code: problem.field === 'sku' ? 'CONFLICT' : 'BAD_REQUEST',
    message: problem.field ? `${problem.field}: ${problem.message}` : problem.message,
    cause,
  })
}
