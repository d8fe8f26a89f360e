import { describe, expect, it } from 'vitest'
import { parseSearchState, searchHref, withFilters } from './search-params'

describe('search page address', () => {
  it('round-trips query, brands, category, stock filter, sort and page', () => {
    const href = searchHref({
      q: 'desk lamp',
      brands: ['Acme', 'Lux & Co'],
      category: 'home/lighting',
      inStock: true,
      sort: 'price_asc',
      page: 3,
    })
    expect(href).toBe(
      '/search?q=desk+lamp&brand=Acme&brand=Lux+%26+Co&category=home%2Flighting&inStock=1&sort=price_asc&page=3',
    )
    expect(parseSearchState(href.split('?')[1] ?? '')).toEqual({
      q: 'desk lamp',
      brands: ['Acme', 'Lux & Co'],
      category: 'home/lighting',
      inStock: true,
      sort: 'price_asc',
      page: 3,
    })
  })

  it('falls back to defaults for an unknown sort or an impossible page', () => {
    expect(parseSearchState('q=x&sort=cheapest&page=-2')).toEqual({
      q: 'x',
      brands: [],
      category: null,
      inStock: false,
      sort: 'relevance',
      page: 1,
    })
    expect(searchHref(parseSearchState(''))).toBe('/search')
  })

  it('goes back to page 1 when a filter changes', () => {
    const state = parseSearchState('q=lamp&page=4')
    expect(withFilters(state, { brands: ['Acme'] })).toMatchObject({ page: 1, brands: ['Acme'] })
  })
})
