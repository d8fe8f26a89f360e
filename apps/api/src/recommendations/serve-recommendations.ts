import { randomUUID } from 'node:crypto'
import { recommendableCards, recordImpressions, type RecommendationListKey } from '@emporium/db'
import type { CurrencyCode } from '@emporium/domain'
import {
  ALGORITHMS,
  RECOMMENDATION_EXPERIMENT,
  adjustForSession,
  assignBucket,
  type Algorithm,
  type ScoredItem,
  type ServedRecommendations,
} from '@emporium/domain/recommendations'
import { readServedLists, servedListKey } from '@emporium/infra'
import { LIVE_RECOMMENDATION_CHANNEL } from '@emporium/workflows'
import type { Context } from '../context'
import { callerSignals, type CallerSignals } from './session-signals'

/** The caller's A/B variant: by user id when signed in, else by visitor id; none without either. */
export function assignAlgorithm(
  userId: string | undefined,
  visitorId: string | undefined,
): { visitorKey: string | null; algorithm: Algorithm; variant: string } {
  const visitorKey =
    userId !== undefined
      ? `user:${userId}`
      : visitorId !== undefined
        ? `visitor:${visitorId}`
        : null
  if (visitorKey === null) return { visitorKey, algorithm: 'hybrid', variant: 'unassigned' }
  const algorithm = assignBucket(visitorKey, RECOMMENDATION_EXPERIMENT, ALGORITHMS)
  return { visitorKey, algorithm, variant: algorithm }
}

interface ServeRequest {
  limit: number
  currency: CurrencyCode
  visitorId?: string
}

type Surface = 'product' | 'user' | 'popular'

const product = (subjectId: string, algorithm: string): RecommendationListKey => ({
  kind: 'product',
  subjectId,
  algorithm,
})
const POPULAR_ALL: RecommendationListKey = {
  kind: 'popular',
  subjectId: 'all',
  algorithm: 'popularity',
}

/** Sellable cards of the ranked ids (in stock, active, priced), the first `limit`; records the impression. */
async function serve(
  ctx: Context,
  surface: Surface,
  request: ServeRequest,
  assignment: ReturnType<typeof assignAlgorithm>,
  algorithm: Algorithm,
  ranked: readonly string[],
): Promise<ServedRecommendations> {
  const cards = (await recommendableCards(ctx.db, [...new Set(ranked)], request.currency)).slice(
    0,
    request.limit,
  )
  const impressionId = assignment.visitorKey === null || cards.length === 0 ? null : randomUUID()
  if (impressionId !== null && assignment.visitorKey !== null) {
    await recordImpressions(ctx.db, {
      impressionId,
      visitorKey: assignment.visitorKey,
      userId: ctx.session?.userId ?? null,
      surface,
      experiment: RECOMMENDATION_EXPERIMENT,
      variant: assignment.variant,
      algorithm,
      productIds: cards.map((c) => c.id),
    })
  }
  return { impressionId, algorithm, variant: assignment.variant, items: cards }
}

const ids = (list: readonly ScoredItem[] | undefined) => (list ?? []).map((e) => e.itemId)

function leaveOut(list: readonly string[], signals: CallerSignals, also: string[] = []): string[] {
  const out = new Set([...signals.inCart, ...signals.bought, ...also])
  return list.filter((id) => !out.has(id))
}

/** The product's category path, or undefined when it has none (or is unknown). */
async function categoryOf(ctx: Context, productId: string): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom('products as p')
    .innerJoin('categories as c', 'c.id', 'p.category_id')
    .select('c.path')
    .where('p.id', '=', productId)
    .executeTakeFirst()
  return row?.path
}

/**
 * "Customers also bought" beside a product. A product the last run did not know (new since) gets
 * its category's best sellers, or the shop's when its category has none yet.
 */
export async function recommendForProduct(
  ctx: Context,
  request: ServeRequest & { productId: string },
): Promise<ServedRecommendations> {
  const assignment = assignAlgorithm(ctx.session?.userId, request.visitorId)
  const key = product(request.productId, assignment.algorithm)
  const category = await categoryOf(ctx, request.productId)
  const categoryKey: RecommendationListKey | undefined =
    category === undefined
      ? undefined
      : { kind: 'popular', subjectId: `category:${category}`, algorithm: 'popularity' }
  const keys = [key, ...(categoryKey ? [categoryKey] : []), POPULAR_ALL]
  const [signals, served] = await Promise.all([
    callerSignals(ctx),
    readServedLists(ctx.redis, ctx.db, LIVE_RECOMMENDATION_CHANNEL, keys),
  ])
  const list = keys.map((k) => served.lists.get(servedListKey(k))).find((l) => l !== undefined)
  const ranked = leaveOut(ids(list), signals, [request.productId])
  return serve(ctx, 'product', request, assignment, assignment.algorithm, ranked)
}

/**
 * The caller's personal list: their precomputed list (best sellers for a newcomer) re-ranked with
 * what they did since the run: neighbours of recent views and cart products move up, cart
 * products and bought ones are left out.
 */
export async function recommendForUser(
  ctx: Context,
  request: ServeRequest,
): Promise<ServedRecommendations> {
  const assignment = assignAlgorithm(ctx.session?.userId, request.visitorId)
  const { algorithm } = assignment
  const signals = await callerSignals(ctx)
  const userId = ctx.session?.userId
  const userKey: RecommendationListKey | undefined =
    userId === undefined ? undefined : { kind: 'user', subjectId: userId, algorithm }
  const sessionProducts = [...new Set([...signals.recentViews, ...signals.inCart])]
  const keys = [
    ...(userKey ? [userKey] : []),
    POPULAR_ALL,
    ...sessionProducts.map((id) => product(id, algorithm)),
  ]
  const served = await readServedLists(ctx.redis, ctx.db, LIVE_RECOMMENDATION_CHANNEL, keys)
  const base =
    (userKey && served.lists.get(servedListKey(userKey))) ??
    served.lists.get(servedListKey(POPULAR_ALL)) ??
    []
  const neighbours = new Map(
    sessionProducts.map((id) => [
      id,
      served.lists.get(servedListKey(product(id, algorithm))) ?? [],
    ]),
  )
  const adjusted = adjustForSession(base, neighbours, signals, {
    k: Math.max(base.length, 1) + 50,
    exclude: signals.bought,
  })
  return serve(ctx, 'user', request, assignment, algorithm, ids(adjusted))
}

/** Best sellers (of a category when given, else of the shop), without bought or in-cart products. */
export async function recommendPopular(
  ctx: Context,
  request: ServeRequest & { categoryPath?: string },
): Promise<ServedRecommendations> {
  const assignment = assignAlgorithm(ctx.session?.userId, request.visitorId)
  const key: RecommendationListKey =
    request.categoryPath === undefined
      ? POPULAR_ALL
      : { kind: 'popular', subjectId: `category:${request.categoryPath}`, algorithm: 'popularity' }
  const [signals, served] = await Promise.all([
    callerSignals(ctx),
    readServedLists(ctx.redis, ctx.db, LIVE_RECOMMENDATION_CHANNEL, [key]),
  ])
  const ranked = leaveOut(ids(served.lists.get(servedListKey(key))), signals)
  return serve(ctx, 'popular', request, assignment, 'popularity', ranked)
}
