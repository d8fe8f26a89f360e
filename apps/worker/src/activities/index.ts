import type { WorkerDeps } from '../deps'
import { createCheckoutActivities } from './checkout-activities'
import { createWorkerNotifier } from '../notifications'
import { createCartAbandonmentActivities } from './cart-abandonment-activities'
import { createGreetingActivities } from './greeting-activities'
import { createInventoryActivities } from './inventory-activities'
import { createRecommendationActivities } from './recommendation-activities'
import { createPaymentReconciliationActivities } from './payment-reconciliation-activities'
import { createRefundActivities } from './refund-activities'

/** Every activity the worker registers, built over the injected dependencies. */
export function createActivities(deps: WorkerDeps) {
  return {
    ...createGreetingActivities(deps),
    ...createCartAbandonmentActivities({ ...deps, notifier: createWorkerNotifier(deps) }),
    ...createInventoryActivities(deps),
    ...createCheckoutActivities(deps),
    ...createRecommendationActivities(deps),
    ...createRefundActivities(deps),
    ...createPaymentReconciliationActivities(deps),
  }
}

export type Activities = ReturnType<typeof createActivities>
