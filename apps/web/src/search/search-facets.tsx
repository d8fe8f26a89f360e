import type { SearchResult } from '../trpc'
import type { SearchState } from './search-params'

/** Filters beside the results: brands (several at once), a category, a rating floor, in-stock only; with counts. */
export function SearchFacets({
  state,
  facets,
  onChange,
}: {
  state: SearchState
  facets: SearchResult['facets']
  onChange: (change: Partial<SearchState>) => void
}) {
  // A chosen brand stays listed (and can be unticked) even when the current hits have none of it.
  const brands = [
    ...facets.brand,
    ...state.brands
      .filter((b) => !facets.brand.some((f) => f.value === b))
      .map((value) => ({ value, count: 0 })),
  ]
  const toggleBrand = (brand: string, on: boolean) =>
    onChange({ brands: on ? [...state.brands, brand] : state.brands.filter((b) => b !== brand) })
  const inStockCount = facets.in_stock.find((f) => f.value === 'true')?.count ?? 0
  // Cumulative counts ("4" = rated 4 and up), best first; a chosen floor stays listed at 0.
  const ratings = [
    ...facets.rating.map((f) => ({ stars: Number(f.value), count: f.count })),
    ...(state.ratingMin !== null && !facets.rating.some((f) => Number(f.value) === state.ratingMin)
      ? [{ stars: state.ratingMin, count: 0 }]
      : []),
  ].sort((a, b) => b.stars - a.stars)
  return (
    <aside className="facets" aria-label="Filters">
      <fieldset>
        <legend>Brand</legend>
        {brands.length === 0 ? <p className="muted">No brands in these results.</p> : null}
        {brands.map((f) => (
          <label key={f.value} className="check">
            <input
              type="checkbox"
              checked={state.brands.includes(f.value)}
              onChange={(e) => toggleBrand(f.value, e.target.checked)}
            />
            {f.value} <span className="muted">({f.count})</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Category</legend>
        <label className="check">
          <input
            type="radio"
            name="category"
            checked={state.category === null}
            onChange={() => onChange({ category: null })}
          />
          All categories
        </label>
        {facets.category.slice(0, 12).map((f) => (
          <label key={f.value} className="check">
            <input
              type="radio"
              name="category"
              checked={state.category === f.value}
              onChange={() => onChange({ category: f.value })}
            />
            {f.value} <span className="muted">({f.count})</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Customer rating</legend>
        <label className="check">
          <input
            type="radio"
            name="rating"
            checked={state.ratingMin === null}
            onChange={() => onChange({ ratingMin: null })}
          />
          Any rating
        </label>
        {ratings.map((f) => (
          <label key={f.stars} className="check">
            <input
              type="radio"
              name="rating"
              checked={state.ratingMin === f.stars}
              onChange={() => onChange({ ratingMin: f.stars })}
            />
            <span aria-hidden="true">{f.stars}★ &amp; up</span>
            <span className="visually-hidden">
              {f.stars} {f.stars === 1 ? 'star' : 'stars'} and up
            </span>{' '}
            <span className="muted">({f.count})</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Availability</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={state.inStock}
            onChange={(e) => onChange({ inStock: e.target.checked })}
          />
          In stock only <span className="muted">({inStockCount})</span>
        </label>
      </fieldset>
    </aside>
  )
}
