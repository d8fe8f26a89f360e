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

/** The categories from the root down to `path` (itself last); empty when `path` is not in the tree. */
export function categoryTrail(tree: CategoryTree, path: string): CategoryNode[] {
  const trail: CategoryNode[] = []
  let level = tree.roots
  const parts = path.split('/')
  for (let i = 0; i < parts.length; i += 1) {
    const prefix = parts.slice(0, i + 1).join('/')
    const node = level.find((c) => c.path === prefix)
    if (!node) return []
    trail.push(node)
    level = node.children
  }
  return trail
}

/** The same category without its sub-tree. */
export function categorySummary(node: CategoryNode): CategorySummary {
  return { id: node.id, slug: node.slug, path: node.path, name: node.name, depth: node.depth }
}

/** The node with id `id` anywhere in the tree, or undefined. */
export function findCategoryById(tree: CategoryTree, id: number): CategoryNode | undefined {
  const stack = [...tree.roots]
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.id === id) return node
    stack.push(...node.children)
  }
  return undefined
}
