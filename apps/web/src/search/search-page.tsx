import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { navigate, Link } from '../router'
import { useSearch } from '../router-search'
import { trpc } from '../trpc'
import { QueryView } from '../ui/query-view'
import { Pagination } from './pagination'
import { SearchFacets } from './search-facets'
import { SearchHitList } from './search-hit-list'
import {
  parseSearchState,
  SEARCH_PAGE_SIZE,
  searchHref,
  SORT_OPTIONS,
  withFilters,
  type SearchState,
} from './search-params'
import { useCartCurrency } from '../cart/use-cart'

/** Search results with facets, "did you mean", sort and pages; all of it kept in the address. */
export function SearchPage() {
  const state = parseSearchState(useSearch())
  const currency = useCartCurrency()
  const results = useQuery({
    queryKey: ['search', 'products', state, currency],
    queryFn: () =>
      trpc.search.products.query({
        q: state.q,
        filters: {
          brands: state.brands.length > 0 ? state.brands : undefined,
          categoryPath: state.category ?? undefined,
          inStock: state.inStock || undefined,
          ratingMin: state.ratingMin ?? undefined,
        },
        sort: state.sort,
        currency,
        page: state.page,
        perPage: SEARCH_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  })
  const change = (next: SearchState) => navigate(searchHref(next), { replace: false })

  return (
    <section className="panel" aria-labelledby="search-title">
      <div className="panel__head">
        <h2 id="search-title">{state.q ? `Results for “${state.q}”` : 'All products'}</h2>
        <label className="inline-field">
          Sort by{' '}
          <select
            aria-label="Sort by"
            value={state.sort}
            onChange={(e) =>
              change(withFilters(state, { sort: e.target.value as SearchState['sort'] }))
            }
          >
            {SORT_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryView query={results} what="search results">
        {(data) => (
          <div className="search-layout" aria-busy={results.isFetching || undefined}>
            <SearchFacets
              state={state}
              facets={data.facets}
              onChange={(c) => change(withFilters(state, c))}
            />
            <div>
              {data.didYouMean ? (
                <p className="did-you-mean">
                  Did you mean{' '}
                  <Link to={searchHref(withFilters(state, { q: data.didYouMean }))}>
                    {data.didYouMean}
                  </Link>
                  ?
                </p>
              ) : null}
              <p role="status">{data.total === 1 ? '1 product' : `${data.total} products`}</p>
              {data.hits.length > 0 ? (
                <SearchHitList hits={data.hits} />
              ) : (
                <p>Nothing matches. Try fewer filters or other words.</p>
              )}
              <Pagination
                page={state.page}
                pages={Math.min(100, Math.ceil(data.total / SEARCH_PAGE_SIZE))}
                onPage={(page) => change({ ...state, page })}
              />
            </div>
          </div>
        )}
      </QueryView>
    </section>
  )
}
