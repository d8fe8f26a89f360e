import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { createDb, migrateToLatest, recomputeProductRating, type Db } from '@emporium/db'
import {
  insertTestOrder,
  insertTestUser,
  insertTestVariant,
  TEST_DATABASE_URL,
} from '@emporium/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The backfill recomputes every product, so it runs on a scratch database of its own: on the shared
// test database it would rewrite other tests' products.
const baseUrl = process.env.DATABASE_URL ?? TEST_DATABASE_URL
const scratchName = `emporium_ratings_${randomUUID().replaceAll('-', '').slice(0, 12)}`
const scratchUrl = Object.assign(new URL(baseUrl), { pathname: `/${scratchName}` }).toString()
const workerDir = new URL('../..', import.meta.url)
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli')

describe('npm run reviews:backfill', () => {
  let admin: Db
  let db: Db
  beforeAll(async () => {
    admin = createDb(baseUrl, 1)
    await sql`create database ${sql.id(scratchName)}`.execute(admin)
    db = createDb(scratchUrl, 2)
    await migrateToLatest(db)
  })
  afterAll(async () => {
    await db?.destroy()
    for (let attempt = 0; ; attempt++) {
      try {
        await sql`drop database if exists ${sql.id(scratchName)}`.execute(admin)
        break
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
    await admin.destroy()
  })

  it('recomputes wrong or missing product, helpful-count and seller aggregates from the source rows', async () => {
    const { productId, sellerId } = await insertTestVariant(db)
    const untouched = await insertTestVariant(db)
    const users = await Promise.all([1, 2, 3, 4].map(() => insertTestUser(db)))
    const reviews = await db
      .insertInto('reviews')
      .values(
        [5, 4, 4, 1].map((rating, i) => ({
          product_id: productId,
          user_id: users[i]!.id,
          rating,
          title: 'Review',
          body: 'Body',
          status: i === 3 ? ('held' as const) : ('published' as const),
        })),
      )
      .returningAll()
      .execute()
    await db
      .insertInto('review_votes')
      .values(
        users.slice(1).map((u) => ({ review_id: reviews[0]!.id, user_id: u.id, helpful: true })),
      )
      .execute()
    // Stale aggregates, as if events had been lost.
    await db
      .updateTable('reviews')
      .set({ helpful_count: 9 })
      .where('id', '=', reviews[1]!.id)
      .execute()
    await db
      .updateTable('products')
      .set({ rating_avg: '1.00', rating_count: 40 })
      .where('id', '=', productId)
      .execute()
    const order = await insertTestOrder(db, users[0]!.id, { status: 'delivered' })
    await db
      .insertInto('seller_ratings')
      .values({
        order_id: order.id,
        seller_id: sellerId,
        user_id: users[0]!.id,
        shipping: 4,
        accuracy: 5,
        communication: 3,
      })
      .execute()

    // One product whose summary is right but whose own average (what search indexes) drifted,
    // and one fully in step: only the first is changed and sent to search.
    const drifted = await insertTestVariant(db)
    const inStep = await insertTestVariant(db)
    for (const p of [drifted, inStep]) {
      await db
        .insertInto('reviews')
        .values({
          product_id: p.productId,
          user_id: users[0]!.id,
          rating: 5,
          title: 'T',
          body: 'B',
          status: 'published',
        })
        .execute()
      await recomputeProductRating(db, p.productId)
    }
    await db
      .updateTable('products')
      .set({ rating_avg: '2.00', rating_count: 7 })
      .where('id', '=', drifted.productId)
      .execute()

    const child = spawn(process.execPath, [tsxCli, 'src/cli/reviews-backfill.ts'], {
      cwd: workerDir,
      env: { ...process.env, DATABASE_URL: scratchUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const [code] = (await once(child, 'exit')) as [number | null]
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
    expect(stdout).toContain('Recomputed 4 products (3 changed, sent to search) and 4 sellers.')

    expect(
      await db
        .selectFrom('product_rating_summaries')
        .select(['product_id', 'review_count', 'stars_1', 'stars_4', 'stars_5', 'average'])
        .where('product_id', 'in', [productId, untouched.productId])
        .orderBy('review_count', 'desc')
        .execute(),
    ).toEqual([
      { product_id: productId, review_count: 3, stars_1: 0, stars_4: 2, stars_5: 1, average: 4.33 },
      {
        product_id: untouched.productId,
        review_count: 0,
        stars_1: 0,
        stars_4: 0,
        stars_5: 0,
        average: null,
      },
    ])
    expect(
      await db
        .selectFrom('products')
        .select(['rating_avg', 'rating_count'])
        .where('id', '=', productId)
        .executeTakeFirst(),
    ).toEqual({ rating_avg: '4.33', rating_count: 3 })
    expect(
      await db
        .selectFrom('products')
        .select(['rating_avg', 'rating_count'])
        .where('id', '=', drifted.productId)
        .executeTakeFirst(),
    ).toEqual({ rating_avg: '5.00', rating_count: 1 })
    const helpful = await db
      .selectFrom('reviews')
      .select(['id', 'helpful_count'])
      .where('product_id', '=', productId)
      .execute()
    expect(Object.fromEntries(helpful.map((r) => [r.id, r.helpful_count]))).toEqual({
      [reviews[0]!.id]: 3,
      [reviews[1]!.id]: 0,
      [reviews[2]!.id]: 0,
      [reviews[3]!.id]: 0,
    })
    expect(
      await db
        .selectFrom('seller_rating_summaries')
        .select(['seller_id', 'rating_count', 'overall_average'])
        .where('seller_id', '=', sellerId)
        .execute(),
    ).toEqual([{ seller_id: sellerId, rating_count: 1, overall_average: 4 }])
  })
})
