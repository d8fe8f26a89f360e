import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../client'
import { seedDatabase } from '../seed'
import { createTestDb, insertTestVariant } from '../testing'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
  // The 40 most popular seed products include several iPhones and Galaxy phones.
  await seedDatabase(db, { productLimit: 40 })
})
afterAll(async () => {
  await db.destroy()
})

describe('product search extensions', () => {
  it('finds iPhones for the typo "iphnoe" with pg_trgm', async () => {
    const score = sql<number>`word_similarity(${'iphnoe'}, name)`
    const hits = await db
      .selectFrom('products')
      .select(['name', score.as('score')])
      .where('status', '=', 'active')
      .where(score, '>', 0.3)
      .orderBy('score', 'desc')
      .orderBy('name')
      .limit(5)
      .execute()
    expect(hits.length).toBeGreaterThanOrEqual(3)
    for (const hit of hits) expect(hit.name).toContain('iPhone')
  })

  it('matches "galaxy" through the full-text search vector', async () => {
    const hits = await db
      .selectFrom('products')
      .select('name')
      .where(sql<boolean>`search_vector @@ websearch_to_tsquery('english', ${'galaxy'})`)
      .execute()
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits.slice(0, 10)) expect(hit.name.toLowerCase()).toContain('galaxy')
  })

  it('matches accented names with unaccent', async () => {
    const { productId } = await insertTestVariant(db)
    const name = `Café Crème phone stand ${randomUUID()}`
    await db.updateTable('products').set({ name }).where('id', '=', productId).execute()
    const hits = await db
      .selectFrom('products')
      .select('id')
      .where(
        sql<string>`unaccent(name)`,
        'ilike',
        sql<string>`unaccent(${'%cafe creme phone stand%'})`,
      )
      .execute()
    expect(hits.map((h) => h.id)).toContain(productId)
  })
})
