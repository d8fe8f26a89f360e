import { InvalidArgumentError } from '../errors'

/** How strongly a user signalled interest in an item. */
export type InteractionKind = 'view' | 'cart' | 'purchase'

/** One user→item event; `basketId` groups items bought together (an order), else the user's history is the basket. */
export interface Interaction {
  userId: string
  itemId: string
  /** ISO-8601 date string or epoch milliseconds. */
  at: string | number
  kind: InteractionKind
  /** Overrides the kind's default weight when set. */
  weight?: number
  basketId?: string
}

/** What the content model knows about an item. */
export interface ItemMeta {
  itemId: string
  category: string
  brand?: string
  priceMinor?: number
  text?: string
}

/** A recommended item and the score that ranked it. */
export interface ScoredItem {
  itemId: string
  score: number
}

/** Default strength per kind: a purchase says more than a view. */
export const DEFAULT_KIND_WEIGHTS: Readonly<Record<InteractionKind, number>> = {
  view: 1,
  cart: 3,
  purchase: 5,
}

/** The weight an interaction carries (explicit weight, else the kind's default). */
export function interactionWeight(
  interaction: Interaction,
  kindWeights = DEFAULT_KIND_WEIGHTS,
): number {
  return interaction.weight ?? kindWeights[interaction.kind]
}

/** Epoch milliseconds of an interaction's `at`; throws on an unparseable date. */
export function toEpochMs(at: string | number): number {
  const ms = typeof at === 'number' ? at : Date.parse(at)
  if (!Number.isFinite(ms))
    throw new InvalidArgumentError(`Not a valid interaction date: ${String(at)}`)
  return ms
}

/** Groups interactions into baskets: by `basketId` when present, else one basket per user. */
export function basketsOf(interactions: readonly Interaction[]): Map<string, Interaction[]> {
  const baskets = new Map<string, Interaction[]>()
  for (const interaction of interactions) {
    const key =
      interaction.basketId !== undefined ? `b:${interaction.basketId}` : `u:${interaction.userId}`
    const basket = baskets.get(key)
    if (basket) basket.push(interaction)
    else baskets.set(key, [interaction])
  }
  return baskets
}
