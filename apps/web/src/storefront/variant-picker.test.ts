import { describe, expect, it } from 'vitest'
import type { VariantView } from '../trpc'
import { findVariant, initialChoice } from './variant-picker'

const variant = (id: string, color: string, size: string, available: number): VariantView => ({
  id,
  sku: id,
  title: `${color} / ${size}`,
  optionValues: { Color: color, Size: size },
  price: { amount: 1000, currency: 'USD' },
  compareAtPrice: null,
  available,
  stock:
    available > 0
      ? { status: 'in_stock', label: 'In stock' }
      : { status: 'out_of_stock', label: 'Out of stock' },
})

describe('variant picker', () => {
  const variants = [
    variant('a', 'Red', 'S', 0),
    variant('b', 'Red', 'M', 3),
    variant('c', 'Blue', 'S', 1),
  ]

  it('finds the variant with exactly the chosen option values', () => {
    expect(findVariant(variants, { Color: 'Blue', Size: 'S' })?.id).toBe('c')
    expect(findVariant(variants, { Color: 'Blue', Size: 'M' })).toBeUndefined()
  })

  it('starts from the first variant in stock', () => {
    expect(initialChoice(variants)).toEqual({ Color: 'Red', Size: 'M' })
    expect(initialChoice([])).toEqual({})
  })
})
