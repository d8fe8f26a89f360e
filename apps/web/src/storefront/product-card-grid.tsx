import { Link } from '../router'
import type { ProductCardView } from '../trpc'
import { formatPrice } from '../ui/format-price'
import { StockBadge } from '../ui/stock-badge'

/** Product cards of a listing: image, name, brand, lowest price, rating and stock. */
export function ProductCardGrid({
  products,
  label,
}: {
  products: readonly ProductCardView[]
  label: string
}) {
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((p) => (
        <li key={p.id} className="product-card">
          {p.imageUrl ? <img src={p.imageUrl} alt="" loading="lazy" /> : null}
          <h3>
            <Link to={`/p/${p.slug}`}>{p.name}</Link>
          </h3>
          {p.brand ? <p className="muted">{p.brand}</p> : null}
          <p className="price">{formatPrice(p.price)}</p>
          {p.rating.average !== null ? (
            <p>
              Rated {p.rating.average.toFixed(1)} of 5 ({p.rating.count})
            </p>
          ) : null}
          <StockBadge status={p.availability} />
        </li>
      ))}
    </ul>
  )
}
