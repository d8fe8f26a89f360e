import { describe, expect, it } from 'vitest'
import { parseSearchState, searchHref, withFilters } from './search-params'

describe('search page address', () => {
  it('round-trips query, brands, category, stock filter, rating floor, sort and page', () => {
    const href = searchHref({
      q: 'desk lamp',
      brands: ['Acme', 'Lux & Co'],
      category: 'home/lighting',
      inStock: true,
      ratingMin: 4,
      sort: 'price_asc',
      page: 3,
    })
    expect(href).toBe(
      '/search?q=desk+lamp&brand=Acme&brand=Lux+%26+Co&category=home%2Flighting&inStock=1&rating=4&sort=price_asc&page=3',
    )
    expect(parseSearchState(href.split('?')[1] ?? '')).toEqual({
      q: 'desk lamp',
      brands: ['Acme', 'Lux & Co'],
      category: 'home/lighting',
      inStock: true,
      ratingMin: 4,
      sort: 'price_asc',
      page: 3,
    })
  })

  it('falls back to defaults for an unknown sort, an impossible page or rating floor', () => {
    expect(parseSearchState('q=x&sort=cheapest&page=-2&rating=5')).toEqual({
      q: 'x',
      brands: [],
      category: null,
      inStock: false,
      ratingMin: null,
      sort: 'relevance',
      page: 1,
    })
    expect(parseSearchState('rating=3.5').ratingMin).toBeNull()
    expect(parseSearchState('rating=').ratingMin).toBeNull()
    expect(searchHref(parseSearchState(''))).toBe('/search')
  })

  it('goes back to page 1 when a filter changes', () => {
    const state = parseSearchState('q=lamp&page=4')
    expect(withFilters(state, { brands: ['Acme'] })).toMatchObject({ page: 1, brands: ['Acme'] })
    expect(withFilters(state, { ratingMin: 3 })).toMatchObject({ page: 1, ratingMin: 3 })
  })
})
