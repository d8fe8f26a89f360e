import { describe, expect, it } from 'vitest'
import { toTypesenseDocument } from './typesense-schema'
import type { SearchDocument } from './types'

const doc: SearchDocument = {
  id: '6f1c2a3e-0000-4000-8000-000000000001',
  name: 'Insignia™ - Soft Shell Case for Apple® iPhone® 6 and 6s - Black',
  slug: 'insignia-soft-shell-case',
  brand: 'Insignia™',
  description: 'Fits Apple® iPhone® 6.',
  tags: ['Apple®'],
  sellerId: '6f1c2a3e-0000-4000-8000-000000000002',
  categoryPath: 'cell-phones/cases',
  categoryPaths: ['cell-phones', 'cell-phones/cases'],
  categoryNames: ['Cell Phones', 'iPhone® Cases'],
  prices: { USD: 1_999 },
  ratingAvg: null,
  ratingCount: 0,
  ratingBayesian: null,
  popularity: 3,
  inStock: true,
  createdAt: new Date('2025-01-01T00:00:00Z'),
}

describe('Typesense documents', () => {
  it('index names without trademark signs, which Typesense would glue to the word, but show and facet them as written', () => {
    const d = toTypesenseDocument(doc)
    expect(d.name_text).toBe('Insignia  - Soft Shell Case for Apple  iPhone  6 and 6s - Black')
    expect(d.brand_text).toBe('Insignia ')
    expect(d.category).toBe('Cell Phones > iPhone  Cases')
    expect(d.description).toBe('Fits Apple  iPhone  6.')
    expect(d.tags).toEqual(['Apple '])
    expect(d.name).toBe(doc.name)
    expect(d.brand).toBe('Insignia™')
  })
})
