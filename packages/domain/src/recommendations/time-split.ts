import { toEpochMs } from './types'
import type { Interaction } from './types'

/** Interactions before and from a cutoff: train on the past, test on what came after. */
export interface TimeSplit<T extends Interaction> {
  train: T[]
  test: T[]
}

/** Splits by time: `at` strictly before `cutoff` goes to train, the rest to test. */
export function timeSplit<T extends Interaction>(
  interactions: readonly T[],
  cutoff: string | number,
): TimeSplit<T> {
  const cutoffMs = toEpochMs(cutoff)
  const split: TimeSplit<T> = { train: [], test: [] }
  for (const interaction of interactions) {
    if (toEpochMs(interaction.at) < cutoffMs) split.train.push(interaction)
    else split.test.push(interaction)
  }
  return split
}
