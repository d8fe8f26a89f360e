import { sql } from 'kysely'
import type { Db } from '../client'

/** One served list, recorded as one impression row per shown product. */
export interface ServedList {
  impressionId: string
  visitorKey: string
  userId: string | null
  surface: 'product' | 'user' | 'popular'
  experiment: string
  variant: string
  algorithm: string
  productIds: readonly string[]
}

/** Records the impressions of a served list (nothing when it is empty). */
export async function recordImpressions(db: Db, served: ServedList): Promise<void> {
  if (served.productIds.length === 0) return
  await db
    .insertInto('recommendation_events')
    .values(
      served.productIds.map((productId, position) => ({
        type: 'impression' as const,
        impression_id: served.impressionId,
        visitor_key: served.visitorKey,
        user_id: served.userId,
        surface: served.surface,
        experiment: served.experiment,
        variant: served.variant,
        algorithm: served.algorithm,
        product_id: productId,
        position,
      })),
    )
    .execute()
}

/**
 * Records a click on a product of a served list, attributed to the impression's algorithm and
 * variant. Returns `not_shown` when that list did not show that product, `repeat` for a second click.
 */
export async function recordClick(
  db: Db,
  impressionId: string,
  productId: string,
): Promise<'recorded' | 'repeat' | 'not_shown'> {
  const inserted = await db
    .insertInto('recommendation_events')
    .columns([
      'type',
      'impression_id',
      'visitor_key',
      'user_id',
      'surface',
      'experiment',
      'variant',
      'algorithm',
      'product_id',
      'position',
    ])
    .expression((eb) =>
      eb
        .selectFrom('recommendation_events')
        .select([
          sql<'click'>`'click'`.as('type'),
          'impression_id',
          'visitor_key',
          'user_id',
          'surface',
          'experiment',
          'variant',
          'algorithm',
          'product_id',
          'position',
        ])
        .where('impression_id', '=', impressionId)
        .where('product_id', '=', productId)
        .where('type', '=', 'impression'),
    )
    .onConflict((oc) => oc.columns(['impression_id', 'product_id', 'type']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted) return 'recorded'
  const shown = await db
    .selectFrom('recommendation_events')
    .select('id')
    .where('impression_id', '=', impressionId)
    .where('product_id', '=', productId)
    .executeTakeFirst()
  return shown ? 'repeat' : 'not_shown'
}

/** Impressions, clicks and click-through rate per surface and algorithm of an experiment, since `since`. */
export async function clickThroughByAlgorithm(
  db: Db,
  experiment: string,
  since: Date,
): Promise<
  {
    surface: 'product' | 'user' | 'popular'
    algorithm: string
    impressions: number
    clicks: number
    ctr: number
  }[]
> {
  const rows = await db
    .selectFrom('recommendation_events')
    .select((eb) => [
      'surface',
      'algorithm',
      eb.fn.countAll<number>().filterWhere('type', '=', 'impression').as('impressions'),
      eb.fn.countAll<number>().filterWhere('type', '=', 'click').as('clicks'),
    ])
    .where('experiment', '=', experiment)
    .where('created_at', '>=', since)
    .groupBy(['surface', 'algorithm'])
    .orderBy('surface')
    .orderBy('algorithm')
    .execute()
  return rows.map((r) => {
    const impressions = Number(r.impressions)
    const clicks = Number(r.clicks)
    return {
      surface: r.surface,
      algorithm: r.algorithm,
      impressions,
      clicks,
      ctr: impressions === 0 ? 0 : clicks / impressions,
    }
  })
}
