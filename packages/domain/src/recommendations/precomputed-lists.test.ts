import { describe, expect, it } from 'vitest'
import { buildPrecomputedLists } from './precomputed-lists'
import { toyBaskets, toyItems } from './test-fixtures'

describe('buildPrecomputedLists', () => {
  const lists = buildPrecomputedLists(toyBaskets, toyItems, {
    listSize: 3,
    now: Date.parse('2024-01-05T00:00:00Z'),
  })
  const find = (kind: string, subjectId: string, algorithm: string) =>
    lists.find((l) => l.kind === kind && l.subjectId === subjectId && l.algorithm === algorithm)

  it('stores one list per product and per buyer for every algorithm, plus global and category best sellers', () => {
    const count = (kind: string) => lists.filter((l) => l.kind === kind).length
    expect(count('product')).toBe(toyItems.length * 4)
    expect(count('user')).toBe(4 * 4)
    expect(
      lists
        .filter((l) => l.kind === 'popular')
        .map((l) => l.subjectId)
        .sort(),
    ).toEqual(['all', 'category:bakery', 'category:dairy', 'category:pantry'])
    expect(lists.every((l) => l.items.length <= 3)).toBe(true)
  })

  it('puts what is bought together first beside a product, and a buyer gets none of their purchases', () => {
    expect(find('product', 'bread', 'item_cf')?.items[0]?.itemId).toBe('butter')
    const forU2 = find('user', 'u2', 'hybrid')?.items.map((i) => i.itemId) ?? []
    expect(forU2).toHaveLength(3)
    expect(forU2).not.toContain('bread')
    expect(forU2).not.toContain('butter')
  })

  it('a product nobody bought yet falls back to its category’s best sellers', () => {
    expect(find('product', 'rolls', 'item_cf')?.items[0]?.itemId).toBe('bread')
  })
})
