import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client'
import type { Category } from '../schema'
import { createTestDb } from '../testing'
import { categoryBreadcrumbs, createCategory, moveCategory, renameCategory } from './categories'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.destroy()
})

function ok(result: Category | string): Category {
  if (typeof result === 'string') throw new Error(result)
  return result
}

const events = (ids: number[]) =>
  db
    .selectFrom('outbox')
    .select(['aggregate_id', 'event_type', 'payload'])
    .where('aggregate_type', '=', 'category')
    .where('aggregate_id', 'in', ids.map(String))
    .orderBy('id')
    .execute()

describe('category tree', () => {
  it('computes paths and depths, rewrites the subtree on rename and move, and records events', async () => {
    const root = `r-${randomUUID().slice(0, 8)}`
    const mob = `m-${root}`
    const top = ok(await createCategory(db, { name: 'Electronics', slug: root, parentId: null }))
    const phones = ok(
      await createCategory(db, { name: 'Phones', slug: 'phones', parentId: top.id }),
    )
    const smart = ok(
      await createCategory(db, { name: 'Smart', slug: 'smart', parentId: phones.id }),
    )
    expect([top, phones, smart].map((c) => [c.path, c.depth])).toEqual([
      [root, 0],
      [`${root}/phones`, 1],
      [`${root}/phones/smart`, 2],
    ])

    ok(await renameCategory(db, phones.id, { name: 'Mobile phones', slug: mob }))
    expect((await categoryBreadcrumbs(db, smart.id)).map((c) => [c.name, c.path])).toEqual([
      ['Electronics', root],
      ['Mobile phones', `${root}/${mob}`],
      ['Smart', `${root}/${mob}/smart`],
    ])

    const other = ok(await createCategory(db, { name: 'Gifts', slug: `g-${root}`, parentId: null }))
    ok(await moveCategory(db, phones.id, other.id))
    expect((await categoryBreadcrumbs(db, smart.id)).map((c) => [c.path, c.depth])).toEqual([
      [`g-${root}`, 0],
      [`g-${root}/${mob}`, 1],
      [`g-${root}/${mob}/smart`, 2],
    ])
    ok(await moveCategory(db, phones.id, null))
    expect((await categoryBreadcrumbs(db, smart.id)).map((c) => [c.path, c.depth])).toEqual([
      [mob, 0],
      [`${mob}/smart`, 1],
    ])
    ok(await moveCategory(db, phones.id, top.id))

    expect((await events([phones.id])).map((e) => [e.event_type, e.payload])).toEqual([
      ['category.created', { path: `${root}/phones` }],
      ['category.renamed', { path: `${root}/${mob}` }],
      ['category.moved', { path: `g-${root}/${mob}` }],
      ['category.moved', { path: mob }],
      ['category.moved', { path: `${root}/${mob}` }],
    ])
  })

  it('refuses a move under itself or its descendants and changes nothing', async () => {
    const a = ok(
      await createCategory(db, {
        name: 'A',
        slug: `a-${randomUUID().slice(0, 8)}`,
        parentId: null,
      }),
    )
    const b = ok(await createCategory(db, { name: 'B', slug: 'b', parentId: a.id }))
    expect(await moveCategory(db, a.id, b.id)).toBe('cycle')
    expect(await moveCategory(db, a.id, a.id)).toBe('cycle')
    expect(await moveCategory(db, a.id, 2_000_000_000)).toBe('parent_not_found')
    expect((await categoryBreadcrumbs(db, b.id)).map((c) => c.path)).toEqual([
      a.path,
      `${a.path}/b`,
    ])
    expect((await events([a.id])).map((e) => e.event_type)).toEqual(['category.created'])
  })
})
