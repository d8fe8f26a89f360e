/** Input of one expiry sweep: how many reservations one activity call releases at most. */
export interface ReleaseExpiredReservationsInput {
  batchSize: number
  /** Stop after this many batches; the next scheduled run picks up the rest. */
  maxBatches: number
}

/** What one sweep released. */
export interface ReleaseExpiredReservationsResult {
  released: number
  batches: number
}

/** Activities of releaseExpiredReservationsWorkflow; implemented by the worker over its dependencies. */
export interface InventoryActivities {
  /** Releases up to `limit` reservations expired by now (and returns flash-sale units); returns how many. */
  releaseExpiredReservations(input: { limit: number }): Promise<number>
}

/** Id of the Temporal Schedule that runs the expiry sweep every minute. */
export const RELEASE_EXPIRED_RESERVATIONS_SCHEDULE_ID = 'release-expired-reservations'
