import { z } from 'zod'

/** One path segment of a category: lowercase words joined by single dashes. */
export const CategorySlugSchema = z
  .string({ error: 'Category slug is required' })
  .trim()
  .toLowerCase()
  .min(1, 'Category slug is required')
  .max(60, 'Category slug must be at most 60 characters')
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'Category slug may use lowercase letters, digits and single dashes between words',
  )

/** A full category path such as `electronics/phones`. */
export const CategoryPathSchema = z
  .string({ error: 'Category path is required' })
  .trim()
  .toLowerCase()
  .max(600, 'Category path is too long')
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)*$/,
    'Category path must be slugs joined by "/", such as "electronics/phones"',
  )

const CategoryName = z
  .string({ error: 'Category name is required' })
  .trim()
  .min(1, 'Category name is required')
  .max(120, 'Category name must be at most 120 characters')

const CategoryId = z.number().int().positive('Unknown category')

/** What an admin fills in to create a category; no parent makes a root category. */
export const CreateCategoryInput = z.object({
  name: CategoryName,
  slug: CategorySlugSchema,
  parentId: CategoryId.nullable().default(null),
})
export type CreateCategoryInput = z.infer<typeof CreateCategoryInput>

/** Renames a category; a new slug changes its path and every descendant's path. */
export const RenameCategoryInput = z.object({
  categoryId: CategoryId,
  name: CategoryName,
  slug: CategorySlugSchema.optional(),
})
export type RenameCategoryInput = z.infer<typeof RenameCategoryInput>

/** Moves a category (with its subtree) under another parent, or to the root with `null`. */
export const MoveCategoryInput = z.object({
  categoryId: CategoryId,
  parentId: CategoryId.nullable(),
})
export type MoveCategoryInput = z.infer<typeof MoveCategoryInput>

/** A category as the API returns it. */
export const CategoryView = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  slug: z.string(),
  path: z.string(),
  name: z.string(),
  depth: z.number().int(),
})
export type CategoryView = z.infer<typeof CategoryView>

/** The path of a child `slug` under `parentPath` (root when null). */
export function childPath(parentPath: string | null, slug: string): string {
  return parentPath === null ? slug : `${parentPath}/${slug}`
}

/** Paths of a category's ancestors and itself, root first: `a/b/c` → `a`, `a/b`, `a/b/c`. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

/** True when `path` is `ancestor` itself or lies below it. */
export function isSameOrDescendantPath(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`)
}
