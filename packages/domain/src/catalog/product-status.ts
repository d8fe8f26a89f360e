import { z } from 'zod'
import { InvalidTransitionError } from '../errors'

/** Lifecycle of a product: drafts are private, active products are on sale, archived ones are not. */
export const PRODUCT_STATUSES = ['draft', 'active', 'archived'] as const
export const ProductStatusSchema = z.enum(PRODUCT_STATUSES)
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]

/**
 * Where each status may go. An active product cannot go back to draft (shoppers may have it in a
 * cart); it is archived instead. Archiving is reversible: an archived product is restored as a
 * draft, to be checked and published again.
 */
const NEXT: Readonly<Record<ProductStatus, readonly ProductStatus[]>> = {
  draft: ['active', 'archived'],
  active: ['archived'],
  archived: ['draft'],
}

/** Statuses `from` may move to. */
export function allowedProductTransitions(from: ProductStatus): readonly ProductStatus[] {
  return NEXT[from]
}

/** True when a product may move from `from` to `to`. */
export function canTransitionProduct(from: ProductStatus, to: ProductStatus): boolean {
  return NEXT[from].includes(to)
}

/** The statuses a product must be in to move to `to` (for conditional updates). */
export function productStatusesBefore(to: ProductStatus): ProductStatus[] {
  return PRODUCT_STATUSES.filter((from) => NEXT[from].includes(to))
}

const WORDS: Record<ProductStatus, string> = {
  draft: 'a draft',
  active: 'active',
  archived: 'archived',
}

/** The refusal for moving a product from `from` to `to`, worded for the seller. */
export function invalidProductTransition(
  from: ProductStatus,
  to: ProductStatus,
): InvalidTransitionError {
  const message =
    from === to
      ? `The product is already ${WORDS[from]}`
      : `A product that is ${WORDS[from]} cannot become ${WORDS[to]}; it can become ${NEXT[from]
          .map((s) => WORDS[s])
          .join(' or ')}`
  return new InvalidTransitionError(from, to, NEXT[from], message)
}
