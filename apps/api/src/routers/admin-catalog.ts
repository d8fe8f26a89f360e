import { TRPCError } from '@trpc/server'
import {
  createCategory,
  moveCategory,
  renameCategory,
  type Category,
  type CategoryRefusal,
} from '@emporium/db'
import {
  CategoryView,
  CreateCategoryInput,
  MoveCategoryInput,
  RenameCategoryInput,
} from '@emporium/domain/catalog'
import { adminProcedure, router } from '../trpc'

const REFUSALS: Record<CategoryRefusal, TRPCError> = {
  category_not_found: new TRPCError({ code: 'NOT_FOUND', message: 'No such category.' }),
  parent_not_found: new TRPCError({ code: 'NOT_FOUND', message: 'No such parent category.' }),
  cycle: new TRPCError({
    code: 'BAD_REQUEST',
    message: 'A category cannot be moved under itself or one of its subcategories.',
  }),
}

function toView(result: Category | CategoryRefusal): CategoryView {
  if (typeof result === 'string') throw REFUSALS[result]
  return {
    id: result.id,
    parentId: result.parent_id,
    slug: result.slug,
    path: result.path,
    name: result.name,
    depth: result.depth,
  }
}

/** Two categories at one place in the tree cannot share a slug: the unique path index decides. */
function rethrowTaken(error: unknown): never {
  const pg = error as { code?: string; constraint?: string }
  if (
    pg.code === '23505' &&
    (pg.constraint === 'categories_path_key' || pg.constraint === 'categories_parent_slug_key')
  )
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'A category with this slug already exists there.',
      cause: error,
    })
  throw error
}

/** Admin management of the category tree. */
export const adminCatalogRouter = router({
  /** Creates a category under a parent (root when none). */
  createCategory: adminProcedure
    .input(CreateCategoryInput)
    .output(CategoryView)
    .mutation(async ({ ctx, input }) =>
      toView(await createCategory(ctx.db, input).catch(rethrowTaken)),
    ),

  /** Renames a category; a new slug moves the paths of its whole subtree. */
  renameCategory: adminProcedure
    .input(RenameCategoryInput)
    .output(CategoryView)
    .mutation(async ({ ctx, input }) =>
      toView(
        await renameCategory(ctx.db, input.categoryId, {
          name: input.name,
          slug: input.slug,
        }).catch(rethrowTaken),
      ),
    ),

  /** Moves a category with its subtree under another parent, or to the root. */
  moveCategory: adminProcedure
    .input(MoveCategoryInput)
    .output(CategoryView)
    .mutation(async ({ ctx, input }) =>
      toView(await moveCategory(ctx.db, input.categoryId, input.parentId).catch(rethrowTaken)),
    ),
})
