import { describe, expect, it } from 'vitest'
import { contentBased, contentTokens, priceBand, tfidfVectors } from './content-based'
import { toyItems } from './test-fixtures'

const ids = (list: { itemId: string }[] | undefined) => (list ?? []).map((n) => n.itemId)

describe('contentBased', () => {
  it('tokenises lower-case words without stop words or single letters', () => {
    expect(contentTokens('The Whole-Milk of a Cow, 1L')).toEqual(['whole', 'milk', 'cow', '1l'])
  })

  it('bands prices geometrically and ignores missing prices', () => {
    expect(priceBand(100)).toBe(6)
    expect(priceBand(127)).toBe(6)
    expect(priceBand(128)).toBe(7)
    expect(priceBand(0)).toBeUndefined()
    expect(priceBand(undefined)).toBeUndefined()
  })

  it('builds unit-length TF-IDF vectors where rare words weigh more', () => {
    const vectors = tfidfVectors(toyItems)
    const buttermilk = vectors.get('buttermilk')
    const norm = Math.hypot(...(buttermilk?.values() ?? []))
    expect(norm).toBeCloseTo(1, 10)
    const bread = vectors.get('rolls')
    expect(bread?.get('rolls')).toBeGreaterThan(bread?.get('bread') ?? Infinity)
  })

  it('ranks same-category items sharing words first and never links unrelated items', () => {
    const model = contentBased(toyItems)
    expect(ids(model.neighbours.get('buttermilk'))).toEqual(['butter', 'milk'])
    expect(ids(model.neighbours.get('bread'))).toEqual(['rolls'])
    expect(model.neighbours.get('jam')?.map((n) => n.itemId)).toEqual(['cereal'])
  })

  it('lets brand and price band separate items of the same category', () => {
    const model = contentBased([
      { itemId: 'tv-a', category: 'tv', brand: 'Acme', priceMinor: 50_000 },
      { itemId: 'tv-b', category: 'tv', brand: 'Other', priceMinor: 52_000 },
      { itemId: 'tv-c', category: 'tv', brand: 'acme', priceMinor: 400_000 },
      { itemId: 'tv-d', category: 'tv', brand: 'Other', priceMinor: 900_000 },
    ])
    const list = model.neighbours.get('tv-a') ?? []
    expect(ids(list)).toEqual(['tv-c', 'tv-b', 'tv-d'])
    expect(list[0]?.score).toBeCloseTo((0.4 + 0.15) / 1, 10)
    expect(list[1]?.score).toBeCloseTo((0.4 + 0.1) / 1, 10)
  })
})
