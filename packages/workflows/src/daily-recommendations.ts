/** Id of the Temporal Schedule that runs the recommendation job once a day. */
export const DAILY_RECOMMENDATIONS_SCHEDULE_ID = 'daily-recommendations'

/** The channel the shop serves; other channels (a test, a trial) are computed and read apart from it. */
export const LIVE_RECOMMENDATION_CHANNEL = 'live'

/** Input of one run of the recommendation job. */
export interface DailyRecommendationsInput {
  /** Which served set the run replaces. */
  channel: string
  /** History rows read per batch (one heartbeat each). */
  batchSize: number
  /** Items kept per list (more than a page shows, so filtering at serve time still fills it). */
  listSize: number
  /** Currency of the prices that place products in price bands. */
  currency: string
  /** Pause between history batches, to spare the database during shopping hours. */
  pauseBetweenBatchesMs?: number
  /** How long the history reader may be silent before its work moves to another worker, e.g. '30 seconds'. */
  heartbeatTimeout?: string
}

/** Where a history reader stands; sent with each heartbeat, so a retry resumes after the last finished batch. */
export interface HistoryCursor {
  source: 'purchase' | 'view'
  /** Last id read from the source (order item id or view id). */
  afterId: number
  /** Batches finished so far in this source. */
  seq: number
}

/** What one run did. */
export interface DailyRecommendationsResult {
  runId: string
  batches: number
  interactions: number
  lists: number
  previousRunId: string | null
}

/** Activities of dailyRecommendationsWorkflow; implemented by the worker over its dependencies. */
export interface RecommendationActivities {
  /** Registers the run (idempotent). */
  startRecommendationRun(input: { runId: string; channel: string }): Promise<void>
  /** Reads purchase then view history in batches into the run, heartbeating a HistoryCursor after each. */
  collectRecommendationHistory(input: {
    runId: string
    batchSize: number
    pauseBetweenBatchesMs?: number
  }): Promise<{ batches: number; interactions: number }>
  /** Trains every model on the run's history and writes its lists to Postgres and Redis, unpublished. */
  computeRecommendations(input: {
    runId: string
    channel: string
    listSize: number
    currency: string
  }): Promise<{ lists: number }>
  /** Makes the run's lists the served ones: one transaction in Postgres, one MULTI in Redis. */
  publishRecommendations(input: {
    runId: string
    channel: string
  }): Promise<{ previousRunId: string | null }>
}
