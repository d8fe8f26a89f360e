import { describe, expect, it } from 'vitest'
import { itemCf, scoreFromNeighbours } from './item-cf'
import { basket, toyBaskets } from './test-fixtures'

const ids = (list: { itemId: string }[] | undefined) => (list ?? []).map((n) => n.itemId)

describe('itemCf', () => {
  it('ranks the item bought together most often first, with exact cosine values', () => {
    const model = itemCf(toyBaskets)
    const bread = model.neighbours.get('bread') ?? []
    expect(ids(bread)).toEqual(['butter', 'jam', 'milk'])
    expect(bread[0]?.score).toBeCloseTo(1, 10) // 3 / sqrt(3·3)
    expect(bread[1]?.score).toBeCloseTo(1 / Math.sqrt(3), 10)
    expect(bread[2]?.score).toBeCloseTo(1 / Math.sqrt(6), 10)
    expect(model.basketCounts.get('bread')).toBe(3)
  })

  it('computes Jaccard as co-baskets over the union of baskets', () => {
    const bread = itemCf(toyBaskets, { similarity: 'jaccard' }).neighbours.get('bread') ?? []
    expect(bread).toEqual([
      { itemId: 'butter', score: 1 },
      { itemId: 'jam', score: 1 / 3 },
      { itemId: 'milk', score: 1 / 4 },
    ])
  })

  it('damps popular neighbours by count^alpha, letting a rarer co-bought item overtake', () => {
    const bread = itemCf(toyBaskets, { alpha: 1 }).neighbours.get('bread') ?? []
    expect(ids(bread)).toEqual(['jam', 'butter', 'milk'])
    expect(bread[1]?.score).toBeCloseTo(1 / 3, 10)
  })

  it('keeps only the top neighbours, drops rare pairs and skips oversized baskets', () => {
    expect(ids(itemCf(toyBaskets, { neighbours: 1 }).neighbours.get('bread'))).toEqual(['butter'])
    expect(ids(itemCf(toyBaskets, { minCooccurrence: 2 }).neighbours.get('bread'))).toEqual([
      'butter',
    ])
    const small = itemCf(toyBaskets, { maxBasketItems: 2 })
    expect(ids(small.neighbours.get('bread'))).toEqual(['butter'])
    expect(small.basketCounts.get('bread')).toBe(1)
  })

  it('treats a user history as one basket when interactions carry no basket id', () => {
    const model = itemCf([
      { userId: 'a', itemId: 'x', at: 1, kind: 'purchase' },
      { userId: 'a', itemId: 'y', at: 2, kind: 'view' },
      { userId: 'b', itemId: 'z', at: 3, kind: 'purchase' },
    ])
    expect(ids(model.neighbours.get('x'))).toEqual(['y'])
    expect(model.neighbours.has('z')).toBe(false)
  })

  it('scores candidates by weighted similarity to the history', () => {
    const model = itemCf([...toyBaskets, ...basket('b5', 'u5', 5, ['jam', 'cereal'])])
    const scores = scoreFromNeighbours(
      model.neighbours,
      new Map([
        ['bread', 1],
        ['cereal', 2],
      ]),
    )
    expect(scores.get('butter')).toBeCloseTo(1, 10)
    // jam: bread→jam 1/sqrt(3·2) plus 2 × cereal→jam 1/sqrt(2·2)
    expect(scores.get('jam')).toBeCloseTo(1 / Math.sqrt(6) + 1, 10)
  })

  it('refuses a negative damping exponent', () => {
    expect(() => itemCf(toyBaskets, { alpha: -1 })).toThrow('alpha must be >= 0')
  })
})
