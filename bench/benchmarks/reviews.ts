import { randomInt } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import {
  insertReview,
  loadReviewContext,
  recomputeProductRating,
  recordModerationDecision,
  recordReviewEvent,
} from '@emporium/db'
import { createTestDb, insertTestUser, insertTestVariant } from '@emporium/db/testing'
import { scoreReview } from '@emporium/domain/reviews'
import { printTable, writeResult } from '../lib/results'

// The review write path without HTTP, on the test database: loading the spam scorer's surroundings
// (account, purchases, bursts, star counts, MinHash signatures of up to 300 recent texts), scoring,
// and the write transaction (review + decision + outbox event); then the worker's recompute of a
// product with 1,000 published reviews.
// Usage: npm run bench -- reviews [--writes 200]

const WORDS = 'good solid light warm quiet handle strap colour fits daily works soft bright'.split(
  ' ',
)
const text = () => Array.from({ length: 30 }, () => WORDS[randomInt(WORDS.length)]).join(' ')

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

function parseWrites(args: string[]): number {
  if (args.length === 0) return 200
  const value = Number(args[1])
  if (args[0] !== '--writes' || !Number.isInteger(value) || value < 1)
    throw new Error('Usage: npm run bench -- reviews [--writes <n>]')
  return value
}

/** Times each step of the review write path and the aggregate recompute; writes bench/results/reviews.json. */
export default async function reviewsBench(args: string[]): Promise<void> {
  const writes = parseWrites(args)
  const db = await createTestDb()
  try {
    const { productId } = await insertTestVariant(db)
    const users = await Promise.all(Array.from({ length: writes }, () => insertTestUser(db)))
    const load: number[] = []
    const score: number[] = []
    const write: number[] = []
    for (const user of users) {
      const body = text()
      let t = performance.now()
      const { context, verifiedPurchase } = await loadReviewContext(db, {
        userId: user.id,
        productId,
        now: Date.now(),
      })
      load.push(performance.now() - t)
      t = performance.now()
      const verdict = scoreReview(
        { id: 'new', productId, authorId: user.id, rating: 4, title: 'Fine', body },
        context,
      )
      score.push(performance.now() - t)
      t = performance.now()
      await db.transaction().execute(async (trx) => {
        const review = await insertReview(trx, productId, user.id, {
          rating: 1 + randomInt(5),
          title: 'Fine',
          body,
          photoKeys: [],
          status: 'published',
          spamScore: verdict.score,
          spamReasons: verdict.reasons,
          verifiedPurchase,
        })
        if (!review) throw new Error('review not written')
        await recordModerationDecision(trx, {
          reviewId: review.id,
          status: 'published',
          decidedBy: null,
          spamScore: verdict.score,
          reasons: verdict.reasons,
        })
        await recordReviewEvent(trx, 'review.submitted', review)
      })
      write.push(performance.now() - t)
    }

    // A product with 1,000 published reviews, recomputed from scratch.
    const big = await insertTestVariant(db)
    const reviewers = await Promise.all(Array.from({ length: 1_000 }, () => insertTestUser(db)))
    await db
      .insertInto('reviews')
      .values(
        reviewers.map((u) => ({
          product_id: big.productId,
          user_id: u.id,
          rating: 1 + randomInt(5),
          title: 'Bulk',
          body: 'Bulk review',
          status: 'published' as const,
        })),
      )
      .execute()
    const recompute: number[] = []
    for (let i = 0; i < 50; i++) {
      const t = performance.now()
      await recomputeProductRating(db, big.productId)
      recompute.push(performance.now() - t)
    }

    const rows = (
      [
        ['load spam context', load],
        ['score (pure)', score],
        ['write transaction', write],
        ['recompute 1,000-review product', recompute],
      ] as const
    ).map(([step, samples]) => {
      const sorted = [...samples].sort((a, b) => a - b)
      return {
        step,
        samples: sorted.length,
        p50_ms: percentile(sorted, 50),
        p99_ms: percentile(sorted, 99),
      }
    })
    printTable(rows)
    const key = (s: string) =>
      s
        .replace(/[^a-z0-9]+/gi, '_')
        .replace(/^_|_$/g, '')
        .toLowerCase()
    const file = writeResult(
      'reviews',
      Object.fromEntries(
        rows.flatMap((r) => [
          [`${key(r.step)}_p50_ms`, Number(r.p50_ms.toFixed(3))],
          [`${key(r.step)}_p99_ms`, Number(r.p99_ms.toFixed(3))],
        ]),
      ),
    )
    console.log(`\nwritten ${file}`)
  } finally {
    await db.destroy()
  }
}
