import { InvalidArgumentError } from '../errors'
import { DEFAULT_HYBRID_WEIGHTS, fillWithFallback, hybridScores } from './hybrid'
import type { HybridWeights } from './hybrid'
import { scoreFromNeighbours } from './item-cf'
import { addScore, assertK, topK } from './ranking'
import type { Algorithm, Recommender } from './recommender'
import { DEFAULT_KIND_WEIGHTS, interactionWeight, toEpochMs } from './types'
import type { Interaction, ScoredItem } from './types'

const DAY_MS = 86_400_000

/** How a user's history is turned into a profile. */
export interface ProfileOptions {
  /** Only the most recent distinct items count. */
  recentItems?: number
  /** Half-life in days, measured back from the user's latest interaction; omit for no decay. */
  halfLifeDays?: number
}

/** Options for one user's recommendations. */
export interface ForUserOptions extends ProfileOptions {
  k: number
  algorithm?: Algorithm
  weights?: Partial<HybridWeights>
  /** Drop items the user already purchased (default true). */
  excludeBought?: boolean
  /** Item ids that cannot be sold now (out of stock, unpublished). */
  unavailable?: Iterable<string>
  /** Category to fall back on when the user has no history (e.g. the page being browsed). */
  contextCategory?: string
  /** How many top sellers join the hybrid's candidates. */
  popularPool?: number
}

/** Weighted recent items of a history: newest first, decayed by age relative to the latest event. */
export function userProfile(
  history: readonly Interaction[],
  options: ProfileOptions = {},
): Map<string, number> {
  const { recentItems = 30, halfLifeDays } = options
  if (halfLifeDays !== undefined && !(halfLifeDays > 0))
    throw new InvalidArgumentError('halfLifeDays must be positive')
  const events = history
    .map((interaction) => ({ interaction, ms: toEpochMs(interaction.at) }))
    .sort((a, b) => b.ms - a.ms || compareIds(a.interaction.itemId, b.interaction.itemId))
  const latest = events[0]?.ms ?? 0
  const profile = new Map<string, number>()
  for (const { interaction, ms } of events) {
    if (!profile.has(interaction.itemId) && profile.size >= recentItems) continue
    const decay = halfLifeDays === undefined ? 1 : 0.5 ** ((latest - ms) / DAY_MS / halfLifeDays)
    addScore(
      profile,
      interaction.itemId,
      interactionWeight(interaction, DEFAULT_KIND_WEIGHTS) * decay,
    )
  }
  return profile
}

/** Recommends `k` items for a user from their history with the chosen algorithm (hybrid by default). */
export function forUser(
  model: Recommender,
  history: readonly Interaction[],
  options: ForUserOptions,
): ScoredItem[] {
  const { k, algorithm = 'hybrid', excludeBought = true, popularPool = 50 } = options
  assertK(k)
  const exclude = new Set(options.unavailable ?? [])
  if (excludeBought)
    for (const interaction of history)
      if (interaction.kind === 'purchase') exclude.add(interaction.itemId)
  const global = model.popularity.ranked
  if (algorithm === 'popularity') return fillWithFallback([], [global], k, exclude)

  const profile = userProfile(history, options)
  const fallbacks = [
    ...categoriesOf(model, profile, options.contextCategory).map(
      (c) => model.bestSellers.get(c) ?? [],
    ),
    global,
  ]
  // A newcomer has nothing to be similar to: category best sellers, then global ones.
  if (profile.size === 0) return fillWithFallback([], fallbacks, k, exclude)
  const cf = () => scoreFromNeighbours(model.cf.neighbours, profile)
  const content = () => scoreFromNeighbours(model.content.neighbours, profile)
  let scores: Map<string, number>
  if (algorithm === 'item_cf') scores = cf()
  else if (algorithm === 'content') scores = content()
  else {
    const weights = { ...DEFAULT_HYBRID_WEIGHTS, ...options.weights }
    const signals = {
      cf: cf(),
      content: content(),
      prior: model.popularityPrior,
      popular: global.slice(0, popularPool),
    }
    scores = hybridScores(signals, weights)
  }
  return fillWithFallback(topK(scores, k, exclude), fallbacks, k, exclude)
}

/** The user's categories, strongest first (ties by name), or the context category for a newcomer. */
function categoriesOf(
  model: Recommender,
  profile: ReadonlyMap<string, number>,
  contextCategory?: string,
): string[] {
  const weights = new Map<string, number>()
  for (const [itemId, weight] of profile) {
    const category = model.items.get(itemId)?.category
    if (category !== undefined) addScore(weights, category, weight)
  }
  if (weights.size === 0) return contextCategory === undefined ? [] : [contextCategory]
  return [...weights]
    .sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]))
    .map(([category]) => category)
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
