import type { SearchSort } from '../trpc'

/** Sort orders offered on the search page, in menu order, with their labels. */
export const SORT_OPTIONS: readonly { value: SearchSort; label: string }[] = [
  { value: 'relevance', label: 'Best match' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
  { value: 'rating', label: 'Customer rating' },
  { value: 'newest', label: 'Newest' },
  { value: 'popularity', label: 'Most popular' },
]

/** Results per search page. */
export const SEARCH_PAGE_SIZE = 12

/** What the search page shows, as kept in its address (`/search?q=lamp&brand=Acme&rating=4&page=2`). */
export interface SearchState {
  q: string
  brands: string[]
  category: string | null
  inStock: boolean
  /** Only products rated this many stars and up (1–4, as the rating facet offers), or any rating. */
  ratingMin: number | null
  sort: SearchSort
  page: number
}

const SORTS = new Set<string>(SORT_OPTIONS.map((o) => o.value))

/** Reads the search state from a query string; anything malformed falls back to the default. */
export function parseSearchState(query: string): SearchState {
  const params = new URLSearchParams(query)
  const sort = params.get('sort') ?? 'relevance'
  const page = Number(params.get('page') ?? '1')
  const rating = Number(params.get('rating'))
  return {
    q: params.get('q') ?? '',
    brands: params.getAll('brand').filter((b) => b !== ''),
    category: params.get('category') || null,
    inStock: params.get('inStock') === '1',
    ratingMin: Number.isInteger(rating) && rating >= 1 && rating <= 4 ? rating : null,
    sort: SORTS.has(sort) ? (sort as SearchSort) : 'relevance',
    page: Number.isInteger(page) && page >= 1 && page <= 100 ? page : 1,
  }
}

/** The address of a search state; defaults are left out so links stay short. */
export function searchHref(state: SearchState): string {
  const params = new URLSearchParams()
  if (state.q) params.set('q', state.q)
  for (const brand of state.brands) params.append('brand', brand)
  if (state.category) params.set('category', state.category)
  if (state.inStock) params.set('inStock', '1')
  if (state.ratingMin !== null) params.set('rating', String(state.ratingMin))
  if (state.sort !== 'relevance') params.set('sort', state.sort)
  if (state.page > 1) params.set('page', String(state.page))
  const query = params.toString()
  return query ? `/search?${query}` : '/search'
}

/** The state after a filter change: a new filter starts again from page 1. */
export function withFilters(state: SearchState, change: Partial<SearchState>): SearchState {
  return { ...state, page: 1, ...change }
}
