import { InvalidArgumentError } from '../errors'
import { compareScored } from './ranking'
import { DEFAULT_KIND_WEIGHTS, interactionWeight, toEpochMs } from './types'
import type { Interaction, InteractionKind, ItemMeta, ScoredItem } from './types'

const DAY_MS = 86_400_000

/** Options for the popularity model; decay needs `now` because the domain never reads the clock. */
export interface PopularityOptions {
  /** Epoch ms or ISO date the decay is measured from. */
  now?: string | number
  /** Half-life in days of an interaction's weight; omit for no decay. */
  halfLifeDays?: number
  kindWeights?: Readonly<Record<InteractionKind, number>>
}

/** Item scores and their ranking, best first. */
export interface PopularityModel {
  scores: Map<string, number>
  ranked: ScoredItem[]
}

/** Sums (optionally time-decayed) interaction weights per item. */
export function popularity(
  interactions: readonly Interaction[],
  options: PopularityOptions = {},
): PopularityModel {
  const { halfLifeDays, kindWeights = DEFAULT_KIND_WEIGHTS } = options
  if (halfLifeDays !== undefined && (options.now === undefined || !(halfLifeDays > 0))) {
    throw new InvalidArgumentError('Recency decay needs a positive halfLifeDays and a `now`')
  }
  const now = options.now === undefined ? 0 : toEpochMs(options.now)
  const scores = new Map<string, number>()
  for (const interaction of interactions) {
    let weight = interactionWeight(interaction, kindWeights)
    if (halfLifeDays !== undefined) {
      const ageDays = Math.max(0, (now - toEpochMs(interaction.at)) / DAY_MS)
      weight *= 0.5 ** (ageDays / halfLifeDays)
    }
    scores.set(interaction.itemId, (scores.get(interaction.itemId) ?? 0) + weight)
  }
  const ranked = [...scores].map(([itemId, score]) => ({ itemId, score })).sort(compareScored)
  return { scores, ranked }
}

/** Best sellers per category, each list ranked like the global popularity ranking. */
export function categoryBestSellers(
  model: PopularityModel,
  items: readonly ItemMeta[],
): Map<string, ScoredItem[]> {
  const categoryOf = new Map(items.map((item) => [item.itemId, item.category]))
  const out = new Map<string, ScoredItem[]>()
  for (const entry of model.ranked) {
    const category = categoryOf.get(entry.itemId)
    if (category === undefined) continue
    const list = out.get(category)
    if (list) list.push(entry)
    else out.set(category, [entry])
  }
  return out
}
