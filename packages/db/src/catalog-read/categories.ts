import type { CategoryNode, CategoryTree } from '@emporium/domain/catalog'
import type { Db } from '../client'

/** Every category as a tree (roots and children ordered by name), in one query. */
export async function loadCategoryTree(db: Db): Promise<CategoryTree> {
  const rows = await db
    .selectFrom('categories')
    .select(['id', 'parent_id', 'slug', 'path', 'name', 'depth'])
    .orderBy('depth')
    .orderBy('name')
    .orderBy('id')
    .execute()
  const nodes = new Map<number, CategoryNode>()
  const roots: CategoryNode[] = []
  for (const row of rows) {
    const node: CategoryNode = {
      id: row.id,
      slug: row.slug,
      path: row.path,
      name: row.name,
      depth: row.depth,
      children: [],
    }
    nodes.set(row.id, node)
    // Parents have a smaller depth, so they are already in the map.
    const parent = row.parent_id === null ? undefined : nodes.get(row.parent_id)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return { roots }
}

/** Paths of the categories with these ids (unknown ids are left out). */
export async function findCategoryPaths(db: Db, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db.selectFrom('categories').select('path').where('id', 'in', ids).execute()
  return rows.map((r) => r.path)
}
