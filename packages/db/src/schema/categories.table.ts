import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/** Category tree; `path` is the slash-joined slug path from the root. */
export interface CategoryTable {
  id: Generated<number>
  parent_id: number | null
  slug: string
  path: string
  name: string
  depth: number
  created_at: Generated<Date>
}

export type Category = Selectable<CategoryTable>
export type NewCategory = Insertable<CategoryTable>
export type CategoryUpdate = Updateable<CategoryTable>
