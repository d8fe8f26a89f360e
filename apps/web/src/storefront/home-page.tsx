import { useQuery } from '@tanstack/react-query'
import { useCartCurrency } from '../cart/use-cart'
import { Link } from '../router'
import { trpc } from '../trpc'
import { QueryView } from '../ui/query-view'
import { ProductCardGrid } from './product-card-grid'

/** The storefront's front page: top-level categories, popular products and personal recommendations. */
export function HomePage() {
  const currency = useCartCurrency()
  const categories = useQuery({
    queryKey: ['catalog', 'categories'],
    queryFn: () => trpc.catalog.listCategories.query(),
    staleTime: 60_000,
  })
  const popular = useQuery({
    queryKey: ['catalog', 'popular', currency],
    queryFn: () => trpc.catalog.listProducts.query({ sort: 'popularity', limit: 12, currency }),
  })
  const recommended = useQuery({
    queryKey: ['recommendations', 'user', currency],
    queryFn: () => trpc.recommendations.forUser.query({ currency, limit: 8 }),
  })
  return (
    <>
      <section className="panel" aria-labelledby="categories-title">
        <h2 id="categories-title">Shop by category</h2>
        <QueryView query={categories} what="categories">
          {(tree) =>
            tree.roots.length === 0 ? (
              <p>No categories yet.</p>
            ) : (
              <ul className="chips">
                {tree.roots.map((c) => (
                  <li key={c.id}>
                    <Link to={`/c/${c.path}`}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </section>
      <section className="panel" aria-labelledby="popular-title">
        <h2 id="popular-title">Popular right now</h2>
        <QueryView query={popular} what="popular products">
          {(listing) =>
            listing.items.length === 0 ? (
              <p>Nothing on sale yet.</p>
            ) : (
              <ProductCardGrid products={listing.items} label="Popular products" />
            )
          }
        </QueryView>
      </section>
      <section className="panel" aria-labelledby="recommended-title">
        <h2 id="recommended-title">Recommended for you</h2>
        <QueryView query={recommended} what="recommendations">
          {(served) =>
            served.items.length === 0 ? (
              <p>Browse a little and we will suggest products here.</p>
            ) : (
              <ProductCardGrid products={served.items} label="Recommended products" />
            )
          }
        </QueryView>
      </section>
    </>
  )
}
