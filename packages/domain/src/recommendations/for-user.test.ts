import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { forUser, userProfile } from './for-user'
import { trainRecommender } from './recommender'
import { basket, toyBaskets, toyItems } from './test-fixtures'
import { ALGORITHMS } from './recommender'
import type { Interaction } from './types'

const model = trainRecommender(toyBaskets, toyItems)
const ids = (list: { itemId: string }[]) => list.map((e) => e.itemId)
const breadBuyer = basket('n1', 'new', 10, ['bread'])

describe('forUser', () => {
  it('puts the item co-bought with the history first and leaves out what the user bought', () => {
    const recs = forUser(model, breadBuyer, { k: 3 })
    expect(recs[0]?.itemId).toBe('butter')
    expect(ids(recs)).not.toContain('bread')
    expect(forUser(model, breadBuyer, { k: 3 })).toEqual(recs)
  })

  it('drops unavailable items and keeps merely viewed ones', () => {
    const viewed: Interaction[] = [
      ...breadBuyer,
      { userId: 'new', itemId: 'butter', at: '2024-01-11', kind: 'view' },
    ]
    expect(forUser(model, viewed, { k: 1 })[0]?.itemId).toBe('butter')
    expect(ids(forUser(model, viewed, { k: 5, unavailable: ['butter'] }))).not.toContain('butter')
    expect(ids(forUser(model, breadBuyer, { k: 7, excludeBought: false }))).toContain('bread')
  })

  it('fills item-CF results with category then global best sellers, scored 0', () => {
    // History weight 5 (a purchase) times the cosine similarity to bread.
    const recs = forUser(model, breadBuyer, { k: 5, algorithm: 'item_cf' })
    expect(ids(recs)).toEqual(['butter', 'jam', 'milk', 'cereal'])
    const expected = [5, 5 / Math.sqrt(3), 5 / Math.sqrt(6), 0]
    recs.forEach((entry, i) => expect(entry.score).toBeCloseTo(expected[i] ?? NaN, 10))
  })

  it('serves a newcomer global best sellers, or the browsed category first', () => {
    expect(ids(forUser(model, [], { k: 3 }))).toEqual(['bread', 'butter', 'milk'])
    expect(ids(forUser(model, [], { k: 3, contextCategory: 'pantry' }))).toEqual([
      'cereal',
      'jam',
      'bread',
    ])
    expect(ids(forUser(model, breadBuyer, { k: 3, algorithm: 'popularity' }))).toEqual([
      'butter',
      'milk',
      'cereal',
    ])
  })

  it('recommends by content when a history has no co-purchase evidence', () => {
    const cold = trainRecommender([], toyItems)
    expect(forUser(cold, breadBuyer, { k: 1, algorithm: 'content' })[0]?.itemId).toBe('rolls')
    expect(forUser(cold, breadBuyer, { k: 1, algorithm: 'hybrid' })[0]?.itemId).toBe('rolls')
  })

  it('weights recent items more and keeps only the most recent distinct ones', () => {
    const history = [...basket('o', 'u', 1, ['jam']), ...basket('n', 'u', 8, ['milk', 'bread'])]
    const profile = userProfile(history, { halfLifeDays: 7 })
    expect(profile.get('milk')).toBe(5)
    expect(profile.get('jam')).toBeCloseTo(2.5, 10)
    expect([...userProfile(history, { recentItems: 2 }).keys()]).toEqual(['bread', 'milk'])
  })

  it('never serves a bought or unavailable item, nor the same item twice, for any history', () => {
    const itemIds = toyItems.map((i) => i.itemId)
    const event = fc.record({
      itemId: fc.constantFrom(...itemIds),
      day: fc.integer({ min: 1, max: 28 }),
      kind: fc.constantFrom('view' as const, 'cart' as const, 'purchase' as const),
    })
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 8 }),
        fc.subarray(itemIds),
        fc.constantFrom(...ALGORITHMS),
        fc.integer({ min: 1, max: 8 }),
        (events, unavailable, algorithm, k) => {
          const history: Interaction[] = events.map((e) => ({
            userId: 'p',
            itemId: e.itemId,
            at: Date.UTC(2024, 1, e.day),
            kind: e.kind,
          }))
          const recs = ids(forUser(model, history, { k, algorithm, unavailable }))
          const bought = history.filter((h) => h.kind === 'purchase').map((h) => h.itemId)
          expect(recs.length).toBeLessThanOrEqual(k)
          expect(new Set(recs).size).toBe(recs.length)
          for (const itemId of recs) {
            expect(bought).not.toContain(itemId)
            expect(unavailable).not.toContain(itemId)
          }
        },
      ),
    )
  })
})
