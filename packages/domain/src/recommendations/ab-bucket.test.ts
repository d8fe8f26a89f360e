import { describe, expect, it } from 'vitest'
import { assignBucket, clickEvent, hash32, impressionEvents } from './ab-bucket'

const users = Array.from({ length: 10_000 }, (_, i) => `user-${i}`)

describe('assignBucket', () => {
  it('gives a user the same variant on every call', () => {
    const first = users.map((u) => assignBucket(u, 'recs-2024', ['control', 'hybrid']))
    const second = users.map((u) => assignBucket(u, 'recs-2024', ['control', 'hybrid']))
    expect(second).toEqual(first)
    expect(hash32('abc')).toBe(hash32('abc'))
  })

  it('splits 10,000 users close to the weights', () => {
    const counts = { popularity: 0, item_cf: 0, hybrid: 0 }
    for (const user of users)
      counts[assignBucket(user, 'recs', ['popularity', 'item_cf', 'hybrid'], [1, 1, 2])] += 1
    expect(counts.popularity / 10_000).toBeCloseTo(0.25, 1)
    expect(Math.abs(counts.popularity / 10_000 - 0.25)).toBeLessThan(0.02)
    expect(Math.abs(counts.item_cf / 10_000 - 0.25)).toBeLessThan(0.02)
    expect(Math.abs(counts.hybrid / 10_000 - 0.5)).toBeLessThan(0.02)
  })

  it('salts by experiment so two experiments bucket independently', () => {
    const a = users.map((u) => assignBucket(u, 'exp-a', ['x', 'y']))
    const b = users.map((u) => assignBucket(u, 'exp-b', ['x', 'y']))
    const agree = a.filter((v, i) => v === b[i]).length / users.length
    expect(Math.abs(agree - 0.5)).toBeLessThan(0.03)
  })

  it('never assigns a zero-weight variant and refuses bad weights', () => {
    expect(users.some((u) => assignBucket(u, 'e', ['off', 'on'], [0, 1]) === 'off')).toBe(false)
    expect(() => assignBucket('u', 'e', [])).toThrow('at least one variant')
    expect(() => assignBucket('u', 'e', ['a', 'b'], [1])).toThrow('one weight per variant')
    expect(() => assignBucket('u', 'e', ['a'], [-1])).toThrow('finite and >= 0')
    expect(() => assignBucket('u', 'e', ['a', 'b'], [0, 0])).toThrow('not all be zero')
  })
})

describe('recommendation events', () => {
  it('record the serving algorithm and variant on every impression and click', () => {
    const served = {
      userId: 'u1',
      experiment: 'recs',
      variant: 'B',
      algorithm: 'hybrid' as const,
      itemIds: ['p1', 'p2'],
    }
    const impressions = impressionEvents(served, '2024-01-01T00:00:00Z')
    expect(impressions).toEqual([
      {
        type: 'impression',
        userId: 'u1',
        experiment: 'recs',
        variant: 'B',
        algorithm: 'hybrid',
        itemId: 'p1',
        position: 0,
        at: '2024-01-01T00:00:00Z',
      },
      {
        type: 'impression',
        userId: 'u1',
        experiment: 'recs',
        variant: 'B',
        algorithm: 'hybrid',
        itemId: 'p2',
        position: 1,
        at: '2024-01-01T00:00:00Z',
      },
    ])
    const second = impressions[1]
    if (!second) throw new Error('missing impression')
    expect(clickEvent(second, '2024-01-01T00:01:00Z')).toEqual({
      ...second,
      type: 'click',
      at: '2024-01-01T00:01:00Z',
    })
  })
})
