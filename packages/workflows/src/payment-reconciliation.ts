/** Input of one reconciliation sweep. */
export interface PaymentReconciliationInput {
  /** Payments created this long ago at most are compared (ms). */
  lookbackMs: number
  /** Payments younger than this are left alone: their checkout is still deciding (ms). */
  minAgeMs: number
  /** Payments compared per activity call. */
  batchSize: number
  /** Stop after this many batches; the next scheduled run covers the rest. */
  maxBatches: number
  /** Re-check only these orders (an operator's request); all recent payments when absent. */
  orderIds?: string[]
}

/** Keyset position between batches. */
export interface ReconcileBatchCursor {
  createdAt: string
  paymentId: string
}

/** What one batch found. */
export interface ReconcileBatchResult {
  checked: number
  /** Payments repaired by handing the gateway's result to their running checkout. */
  signalled: number
  /** New findings that need a person. */
  flagged: number
  /** Charges that succeeded after their order was cancelled, refunded by the sweep. */
  refunded: number
  /** Earlier findings closed because gateway and order agree now. */
  resolved: number
  /** Where the next batch starts, or null when this was the last one. */
  next: ReconcileBatchCursor | null
}

export type PaymentReconciliationResult = Omit<ReconcileBatchResult, 'next'> & { batches: number }

/** Activities of paymentReconciliationWorkflow; implemented by the worker over the db and the gateway. */
export interface PaymentReconciliationActivities {
  reconcilePaymentBatch(input: {
    /** The window, fixed when the sweep started (ms since epoch), so batches agree on it. */
    sinceMs: number
    untilMs: number
    limit: number
    after: ReconcileBatchCursor | null
    orderIds?: string[]
  }): Promise<ReconcileBatchResult>
}

/** Id of the Temporal Schedule that runs the sweep every 15 minutes. */
export const PAYMENT_RECONCILIATION_SCHEDULE_ID = 'payment-reconciliation'
