import type { WorkerDeps } from '../deps'
import { createGreetingActivities } from './greeting-activities'
import { createInventoryActivities } from './inventory-activities'

/** Every activity the worker registers, built over the injected dependencies. */
export function createActivities(deps: WorkerDeps) {
  return {
    ...createGreetingActivities(deps),
    ...createInventoryActivities(deps),
  }
}

export type Activities = ReturnType<typeof createActivities>
