import { sql } from 'kysely'
import type { Db } from '../client'
import { recordOutboxEvent } from '../outbox'
import type { Category } from '../schema'

/** Why a category change was refused (anything else succeeded or threw). */
export type CategoryRefusal = 'category_not_found' | 'parent_not_found' | 'cycle'

const childPath = (parentPath: string | null, slug: string) =>
  parentPath === null ? slug : `${parentPath}/${slug}`

function lockCategory(trx: Db, id: number): Promise<Category | undefined> {
  return trx
    .selectFrom('categories')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

function categoryEvent(trx: Db, category: Category, eventType: string) {
  return recordOutboxEvent(trx, {
    aggregateType: 'category',
    aggregateId: String(category.id),
    eventType,
    payload: { path: category.path },
  })
}

/** Rewrites the paths (and shifts the depths) of every category below `oldPath`. */
async function moveDescendants(trx: Db, oldPath: string, newPath: string, depthDelta: number) {
  await trx
    .updateTable('categories')
    .set((eb) => ({
      path: sql<string>`${newPath} || substr(${eb.ref('path')}, ${oldPath.length + 1})`,
      depth: eb('depth', '+', depthDelta),
    }))
    .where('path', 'like', `${oldPath}/%`)
    .execute()
}

/** Creates a category under `parentId` (root when null) with its path and depth computed from the parent. */
export function createCategory(
  db: Db,
  input: { name: string; slug: string; parentId: number | null },
): Promise<Category | CategoryRefusal> {
  return db.transaction().execute(async (trx) => {
    const parent = input.parentId === null ? null : await lockCategory(trx, input.parentId)
    if (parent === undefined) return 'parent_not_found'
    const category = await trx
      .insertInto('categories')
      .values({
        parent_id: parent?.id ?? null,
        slug: input.slug,
        name: input.name,
        path: childPath(parent?.path ?? null, input.slug),
        depth: parent ? parent.depth + 1 : 0,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await categoryEvent(trx, category, 'category.created')
    return category
  })
}

/** Renames a category; a new slug rewrites its path and every descendant's path. */
export function renameCategory(
  db: Db,
  id: number,
  input: { name: string; slug?: string | undefined },
): Promise<Category | CategoryRefusal> {
  return db.transaction().execute(async (trx) => {
    const current = await lockCategory(trx, id)
    if (!current) return 'category_not_found'
    const slug = input.slug ?? current.slug
    const parentPath = current.path.includes('/')
      ? current.path.slice(0, current.path.lastIndexOf('/'))
      : null
    const path = childPath(parentPath, slug)
    const category = await trx
      .updateTable('categories')
      .set({ name: input.name, slug, path })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (path !== current.path) await moveDescendants(trx, current.path, path, 0)
    await categoryEvent(trx, category, 'category.renamed')
    return category
  })
}

/** Moves a category and its subtree under another parent (root when null); never under itself. */
export function moveCategory(
  db: Db,
  id: number,
  parentId: number | null,
): Promise<Category | CategoryRefusal> {
  return db.transaction().execute(async (trx) => {
    const current = await lockCategory(trx, id)
    if (!current) return 'category_not_found'
    const parent = parentId === null ? null : await lockCategory(trx, parentId)
    if (parent === undefined) return 'parent_not_found'
    if (parent && (parent.id === id || parent.path.startsWith(`${current.path}/`))) return 'cycle'
    const path = childPath(parent?.path ?? null, current.slug)
    const depth = parent ? parent.depth + 1 : 0
    const category = await trx
      .updateTable('categories')
      .set({ parent_id: parent?.id ?? null, path, depth })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await moveDescendants(trx, current.path, path, depth - current.depth)
    await categoryEvent(trx, category, 'category.moved')
    return category
  })
}

/** The category with this id. */
export function findCategoryById(db: Db, id: number): Promise<Category | undefined> {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The category at this slug path, e.g. `electronics/phones`. */
export function findCategoryByPath(db: Db, path: string): Promise<Category | undefined> {
  return db.selectFrom('categories').selectAll().where('path', '=', path).executeTakeFirst()
}

/** The category and its ancestors, root first; empty when it does not exist. */
export async function categoryBreadcrumbs(db: Db, id: number): Promise<Category[]> {
  const category = await findCategoryById(db, id)
  if (!category) return []
  const parts = category.path.split('/')
  const paths = parts.map((_, i) => parts.slice(0, i + 1).join('/'))
  return db
    .selectFrom('categories')
    .selectAll()
    .where('path', 'in', paths)
    .orderBy('depth')
    .execute()
}
