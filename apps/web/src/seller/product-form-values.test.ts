import { describe, expect, it } from 'vitest'
import { toProductInput } from './product-form-values'

describe('seller product form', () => {
  it('builds a product with two colour variants priced in minor units', () => {
    const result = toProductInput({
      name: '  Trail kettle ',
      brand: 'Acme',
      description: '',
      categoryPath: '',
      tags: 'Outdoor, camping',
      option1Name: 'Color',
      option1Values: 'Red, Blue',
      option2Name: '',
      option2Values: '',
      price: '24.50',
      currency: 'USD',
    })
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        name: 'Trail kettle',
        brand: 'Acme',
        tags: ['outdoor', 'camping'],
        options: [{ name: 'Color', values: ['Red', 'Blue'] }],
        prices: [{ amount: 2450, currency: 'USD' }],
      }) as unknown,
    })
  })

  it('reports a missing name and an unreadable price at their fields', () => {
    const result = toProductInput({ name: ' ', price: '12,50', currency: 'USD' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.name).toEqual(['Product name is required'])
    expect(result.errors.price?.[0]).toMatch(/^Enter the price as a number such as 19.99/)
  })

  it('refuses repeated option values with the shared schema’s message', () => {
    const result = toProductInput({ name: 'Mug', option1Name: 'Size', option1Values: 'L, l' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.options).toEqual(['Option values "L" and "l" are the same'])
  })
})
