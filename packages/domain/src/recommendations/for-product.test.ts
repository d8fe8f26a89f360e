import { describe, expect, it } from 'vitest'
import { forProduct } from './for-product'
import { trainRecommender } from './recommender'
import { toyBaskets, toyItems } from './test-fixtures'

const model = trainRecommender(toyBaskets, toyItems)
const ids = (list: { itemId: string }[]) => list.map((e) => e.itemId)

describe('forProduct', () => {
  it('shows what customers also bought, never the product itself', () => {
    expect(ids(forProduct(model, 'bread', { k: 3, algorithm: 'item_cf' }))).toEqual([
      'butter',
      'jam',
      'milk',
    ])
    const hybrid = forProduct(model, 'bread', { k: 4 })
    expect(hybrid[0]?.itemId).toBe('butter')
    expect(ids(hybrid)).not.toContain('bread')
  })

  it('filters unavailable and excluded items', () => {
    const recs = forProduct(model, 'bread', { k: 4, unavailable: ['butter'], exclude: ['jam'] })
    expect(ids(recs)).not.toContain('butter')
    expect(ids(recs)).not.toContain('jam')
  })

  it('falls back to the category best sellers, then global ones, for a product nobody bought', () => {
    expect(forProduct(model, 'rolls', { k: 3, algorithm: 'item_cf' })).toEqual([
      { itemId: 'bread', score: 0 },
      { itemId: 'butter', score: 0 },
      { itemId: 'milk', score: 0 },
    ])
    expect(ids(forProduct(model, 'milk', { k: 2, algorithm: 'popularity' }))).toEqual([
      'butter',
      'bread',
    ])
    expect(ids(forProduct(model, 'rolls', { k: 1, algorithm: 'content' }))).toEqual(['bread'])
  })
})
