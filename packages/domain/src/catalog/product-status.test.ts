import { describe, expect, it } from 'vitest'
import {
  canTransitionProduct,
  invalidProductTransition,
  PRODUCT_STATUSES,
  productStatusesBefore,
} from './product-status'

describe('product status machine', () => {
  it('allows exactly draft→active, draft→archived, active→archived, archived→draft', () => {
    const allowed = PRODUCT_STATUSES.flatMap((from) =>
      PRODUCT_STATUSES.filter((to) => canTransitionProduct(from, to)).map((to) => `${from}→${to}`),
    )
    expect(allowed).toEqual(['draft→active', 'draft→archived', 'active→archived', 'archived→draft'])
    expect(productStatusesBefore('archived')).toEqual(['draft', 'active'])
  })

  it('explains a refused move', () => {
    expect(invalidProductTransition('archived', 'active').message).toBe(
      'A product that is archived cannot become active; it can become a draft',
    )
    expect(invalidProductTransition('active', 'active').message).toBe(
      'The product is already active',
    )
  })
})
