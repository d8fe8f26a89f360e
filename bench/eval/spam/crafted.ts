import {
  minHashSignature,
  seededRandom,
  shuffled,
  type RecentReviewSignature,
  type ReviewContext,
  type ReviewToScore,
} from '@emporium/domain/reviews'
import type { CorpusReview } from './corpus'

/** The kind of a crafted case: a spam pattern, or a genuine review. */
export type CraftedKind = 'link' | 'contact' | 'duplicate' | 'profanity' | 'burst' | 'genuine'

/** One crafted case: the review, the context the scorer sees, and its label (1 = spam). */
export interface CraftedCase {
  readonly kind: CraftedKind
  readonly label: 0 | 1
  readonly review: ReviewToScore
  readonly context: ReviewContext
}

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)
const HOUR = 3_600_000
const DAY = 24 * HOUR

const PRODUCTS = [
  'blender',
  'phone case',
  'desk lamp',
  'backpack',
  'coffee grinder',
  'yoga mat',
  'kettle',
  'headphones',
]
const PRAISE = [
  'Amazing quality',
  'Best purchase ever',
  'Totally recommend',
  'Works perfectly',
  'Five stars, no doubt',
]
const LINKS = [
  'https://cheap-deals.example.shop/promo?ref=77',
  'www.bestprice-outlet.store',
  'http://bit.ly/3xYzAbc',
  'megadiscounts dot com',
  'superdeals[.]net',
  'get it at shopfast (dot) xyz',
]
const CONTACTS = [
  'mail me at deals4you@protonmail.com',
  'WhatsApp +1 (415) 555-0198 for wholesale',
  'text 0044 7911 123456 for a coupon',
  'contact sales (at) gmail dot com',
  'call five five five zero one nine eight two two one',
  'reach me: bulk.orders@outlook.com or 415-555-0142',
]
const ABUSE = [
  'This f*cking seller is a sh1t company run by total a$$holes, fuuuck them',
  'What a piece of shit. The owner is a lying b1tch and a bastard',
  'Utter bullsh!t, f u c k this store and every dickhead working there',
  'Shitty product, shitty support, fucking waste of money, wankers',
]
const CAMPAIGN = [
  'I bought this {p} last month and honestly it changed my life. The build quality is superb, the design is elegant and customer service answered within minutes. Everyone in my family wants one now.',
  'After trying five other brands this {p} is the only one that actually delivers. Setup took two minutes, it feels premium in the hand and it still works like new after daily use.',
]

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T
}

function genuineContext(random: () => number, polarity: 'positive' | 'negative'): ReviewContext {
  const ageDays = 20 + Math.floor(random() * 1500)
  const earlier = Array.from(
    { length: Math.floor(random() * 4) },
    () => NOW - Math.floor((3 + random() * 300) * DAY),
  )
  return {
    now: NOW,
    accountCreatedAt: NOW - ageDays * DAY,
    hasPurchased: random() < 0.9,
    recentReviewTimesByAuthor: earlier,
    recentReviewTimesForProduct: Array.from(
      { length: Math.floor(random() * 5) },
      () => NOW - Math.floor(random() * 20 * DAY),
    ),
    productRatings: polarity === 'positive' ? [2, 3, 8, 30, 57] : [20, 15, 12, 25, 28],
  }
}

function spamContext(random: () => number, overrides: Partial<ReviewContext> = {}): ReviewContext {
  return { ...genuineContext(random, 'positive'), ...overrides }
}

/**
 * A deterministic labelled set for the rule signals: link, contact, duplicate, profanity and burst
 * spam mixed with genuine reviews sampled from `truthful`. Every review sees the same pool of
 * recent signatures (the genuine sample plus the first copy of each duplicate campaign).
 */
export function craftedCases(
  truthful: readonly CorpusReview[],
  seed = 2026,
  perKind = 40,
  genuineCount = 200,
): CraftedCase[] {
  const random = seededRandom(seed)
  const genuine = shuffled(truthful, random).slice(0, genuineCount)
  const cases: CraftedCase[] = []
  const review = (kind: CraftedKind, i: number, body: string, rating: number): ReviewToScore => ({
    id: `${kind}-${i}`,
    productId: `p-${Math.floor(random() * 50)}`,
    authorId: `${kind}-author-${i}`,
    rating,
    body,
  })

  genuine.forEach((g, i) => {
    const rating =
      g.polarity === 'positive' ? 4 + Math.floor(random() * 2) : 1 + Math.floor(random() * 2)
    cases.push({
      kind: 'genuine',
      label: 0,
      review: { ...review('genuine', i, g.text, rating), id: g.id },
      context: genuineContext(random, g.polarity),
    })
  })
  for (let i = 0; i < perKind; i += 1) {
    const p = pick(PRODUCTS, random)
    cases.push({
      kind: 'link',
      label: 1,
      review: review(
        'link',
        i,
        `${pick(PRAISE, random)}! This ${p} is great, order yours at ${pick(LINKS, random)} before the sale ends.`,
        5,
      ),
      context: spamContext(random),
    })
    cases.push({
      kind: 'contact',
      label: 1,
      review: review(
        'contact',
        i,
        `${pick(PRAISE, random)}. Want the same ${p} cheaper? ${pick(CONTACTS, random)}.`,
        5,
      ),
      context: spamContext(random),
    })
    cases.push({
      kind: 'profanity',
      label: 1,
      review: review('profanity', i, `${pick(ABUSE, random)}. Never buying a ${p} here again.`, 1),
      context: spamContext(random),
    })
    // Burst: a fresh account without purchases posting short praise several times within the hour.
    const burstTimes = Array.from(
      { length: 3 + Math.floor(random() * 5) },
      () => NOW - Math.floor(random() * 50 * 60_000),
    )
    cases.push({
      kind: 'burst',
      label: 1,
      review: review('burst', i, `${pick(PRAISE, random)}, love this ${p}.`, 5),
      context: spamContext(random, {
        accountCreatedAt: NOW - Math.floor(random() * 20) * HOUR,
        hasPurchased: false,
        recentReviewTimesByAuthor: burstTimes,
      }),
    })
    // Duplicate: a campaign text or a copied genuine review, lightly edited, posted by another account.
    const source =
      i % 2 === 0
        ? pick(CAMPAIGN, random).replace('{p}', p)
        : (genuine[i % genuine.length] as CorpusReview).text
    const edited =
      source.replace(/\b(really|very|great|good)\b/i, 'truly') +
      (random() < 0.5 ? ' Highly recommended!' : '')
    cases.push({
      kind: 'duplicate',
      label: 1,
      review: review('duplicate', i, edited, 5),
      context: spamContext(random),
    })
  }

  const pool: RecentReviewSignature[] = [
    ...genuine.map((g, i) => ({
      reviewId: g.id,
      authorId: `genuine-author-${i}`,
      productId: 'p-corpus',
      signature: minHashSignature(g.text),
    })),
    ...PRODUCTS.flatMap((p) =>
      CAMPAIGN.map((c, k) => ({
        reviewId: `campaign-${p}-${k}`,
        authorId: `campaign-author-${k}`,
        productId: `p-${p}`,
        signature: minHashSignature(c.replace('{p}', p)),
      })),
    ),
  ]
  return cases.map((c) => ({ ...c, context: { ...c.context, recentSignatures: pool } }))
}
