import { z } from 'zod'
import { CategoryPathSchema } from './category'

/** A category without its sub-tree. */
export const CategorySummary = z.object({
  id: z.number().int(),
  slug: z.string(),
  path: z.string(),
  name: z.string(),
  depth: z.number().int(),
})
export type CategorySummary = z.infer<typeof CategorySummary>

/** A category with its sub-categories, recursively. */
export interface CategoryNode extends CategorySummary {
  children: CategoryNode[]
}

/** Zod schema of `CategoryNode`. */
export const CategoryNode: z.ZodType<CategoryNode> = CategorySummary.extend({
  get children() {
    return z.array(CategoryNode)
  },
})

/** The whole category tree: its roots, children ordered by name. */
export const CategoryTree = z.object({ roots: z.array(CategoryNode) })
export type CategoryTree = z.infer<typeof CategoryTree>

/** Which category to show. */
export const GetCategoryInput = z.object({ path: CategoryPathSchema })

/** A category page: the category, its breadcrumbs from the root (itself last) and its children. */
export const CategoryPage = z.object({
  category: CategorySummary,
  breadcrumbs: z.array(CategorySummary),
  children: z.array(CategorySummary),
})
export type CategoryPage = z.infer<typeof CategoryPage>
