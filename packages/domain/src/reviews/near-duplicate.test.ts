import { describe, expect, it } from 'vitest'
import { minHashSignature } from './min-hash'
import { nearDuplicateReasons } from './near-duplicate'
import { DEFAULT_SPAM_CONFIG } from './spam-config'
import type { RecentReviewSignature } from './spam-types'

const config = DEFAULT_SPAM_CONFIG.nearDuplicate
const campaign =
  'I bought this blender last month and honestly it changed my life. The build quality is superb, the design is elegant and customer service answered within minutes.'
const recent: RecentReviewSignature[] = [
  { reviewId: 'r1', authorId: 'u1', productId: 'p1', signature: minHashSignature(campaign) },
  {
    reviewId: 'r2',
    authorId: 'u2',
    productId: 'p2',
    signature: minHashSignature('Great product!'),
  },
]

describe('nearDuplicateReasons', () => {
  it('flags a lightly edited copy of a recent review and names it', () => {
    const copy = campaign.replace('honestly', 'truly') + ' Highly recommended!'
    const [reason] = nearDuplicateReasons('r9', minHashSignature(copy), recent, config)
    expect(reason?.signal).toBe('near_duplicate')
    expect(reason?.detail).toMatch(/similar to review r1 by u1 on product p1/)
    expect(reason?.weight).toBeGreaterThanOrEqual(config.minWeight)
    expect(reason?.weight).toBeLessThanOrEqual(config.maxWeight)
  })

  it('gives an exact copy the maximum weight', () => {
    expect(nearDuplicateReasons('r9', minHashSignature(campaign), recent, config)[0]?.weight).toBe(
      config.maxWeight,
    )
  })

  it('does not compare a review with itself', () => {
    expect(nearDuplicateReasons('r1', minHashSignature(campaign), recent, config)).toEqual([])
  })

  it('stays quiet on a different review of the same product', () => {
    const other =
      'The blender is loud and the lid leaks when it is full, but it crushes ice well enough for smoothies.'
    expect(nearDuplicateReasons('r9', minHashSignature(other), recent, config)).toEqual([])
  })

  it('stays quiet on short generic praise that many honest people write', () => {
    expect(nearDuplicateReasons('r9', minHashSignature('Great product!'), recent, config)).toEqual(
      [],
    )
  })
})
