import { describe, expect, it } from 'vitest'
import { categoryBestSellers, popularity } from './popularity'
import { toyBaskets, toyItems } from './test-fixtures'

describe('popularity', () => {
  it('sums kind weights per item and breaks ties by item id', () => {
    const model = popularity(toyBaskets)
    expect(model.ranked.map((e) => e.itemId)).toEqual(['bread', 'butter', 'milk', 'cereal', 'jam'])
    expect(model.scores.get('bread')).toBe(15)
    const mixed = popularity([
      { userId: 'a', itemId: 'x', at: 0, kind: 'view' },
      { userId: 'a', itemId: 'y', at: 0, kind: 'cart' },
      { userId: 'b', itemId: 'x', at: 0, kind: 'view', weight: 4 },
    ])
    expect(mixed.ranked).toEqual([
      { itemId: 'x', score: 5 },
      { itemId: 'y', score: 3 },
    ])
  })

  it('halves an interaction weight per half-life of age', () => {
    const model = popularity(
      [
        { userId: 'a', itemId: 'old', at: '2024-01-01T00:00:00Z', kind: 'purchase' },
        { userId: 'a', itemId: 'new', at: '2024-01-15T00:00:00Z', kind: 'purchase' },
      ],
      { now: '2024-01-15T00:00:00Z', halfLifeDays: 7 },
    )
    expect(model.scores.get('old')).toBeCloseTo(1.25, 10)
    expect(model.scores.get('new')).toBe(5)
    expect(() => popularity(toyBaskets, { halfLifeDays: 7 })).toThrow(
      'needs a positive halfLifeDays and a `now`',
    )
  })

  it('lists best sellers per category in popularity order', () => {
    const best = categoryBestSellers(popularity(toyBaskets), toyItems)
    expect(best.get('dairy')?.map((e) => e.itemId)).toEqual(['butter', 'milk'])
    expect(best.get('pantry')?.map((e) => e.itemId)).toEqual(['cereal', 'jam'])
  })
})
