import { Link } from '../router'
import type { SearchHit } from '../trpc'
import { formatPrice } from '../ui/format-price'
import { StockBadge } from '../ui/stock-badge'

/** The search results, best first. */
export function SearchHitList({ hits }: { hits: readonly SearchHit[] }) {
  return (
    <ul className="product-grid" aria-label="Results">
      {hits.map((hit) => (
        <li key={hit.productId} className="product-card">
          <h3>
            <Link to={`/p/${hit.slug}`}>{hit.name}</Link>
          </h3>
          {hit.brand ? <p className="muted">{hit.brand}</p> : null}
          <p className="price">{formatPrice({ amount: hit.priceMinor, currency: hit.currency })}</p>
          {hit.ratingAvg !== null ? <p>Rated {hit.ratingAvg.toFixed(1)} of 5</p> : null}
          <StockBadge status={hit.inStock ? 'in_stock' : 'out_of_stock'} />
        </li>
      ))}
    </ul>
  )
}
