import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useCartCurrency } from '../cart/use-cart'
import { Link, usePathname } from '../router'
import { trpc } from '../trpc'
import { Breadcrumbs } from '../ui/breadcrumbs'
import { QueryView } from '../ui/query-view'
import { ProductCardGrid } from './product-card-grid'

const SORTS = [
  { value: 'newest', label: 'Newest' },
  { value: 'popularity', label: 'Most popular' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
  { value: 'rating', label: 'Customer rating' },
] as const
type ListingSort = (typeof SORTS)[number]['value']

/** A category (`/c/home/lighting`): breadcrumbs, sub-categories and its products, page by page. */
export function CategoryPage() {
  const path = decodeURIComponent(usePathname().slice('/c/'.length))
  const currency = useCartCurrency()
  const [sort, setSort] = useState<ListingSort>('newest')
  const category = useQuery({
    queryKey: ['catalog', 'category', path],
    queryFn: () => trpc.catalog.getCategory.query({ path }),
  })
  const products = useInfiniteQuery({
    queryKey: ['catalog', 'listing', path, sort, currency],
    queryFn: ({ pageParam }) =>
      trpc.catalog.listProducts.query({
        categoryPath: path,
        sort,
        currency,
        limit: 24,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
  return (
    <QueryView query={category} what="this category">
      {(page) => (
        <section className="panel" aria-labelledby="category-title">
          <Breadcrumbs trail={page.breadcrumbs} />
          <div className="panel__head">
            <h2 id="category-title">{page.category.name}</h2>
            <label className="inline-field">
              Sort by{' '}
              <select
                aria-label="Sort by"
                value={sort}
                onChange={(e) => setSort(e.target.value as ListingSort)}
              >
                {SORTS.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {page.children.length > 0 ? (
            <ul className="chips" aria-label="Sub-categories">
              {page.children.map((c) => (
                <li key={c.path}>
                  <Link to={`/c/${c.path}`}>{c.name}</Link>
                </li>
              ))}
            </ul>
          ) : null}
          <QueryView query={products} what="products">
            {(data) => {
              const items = data.pages.flatMap((p) => p.items)
              return items.length === 0 ? (
                <p>No products in this category yet.</p>
              ) : (
                <>
                  <ProductCardGrid products={items} label="Products" />
                  {products.hasNextPage ? (
                    <button
                      type="button"
                      onClick={() => void products.fetchNextPage()}
                      disabled={products.isFetchingNextPage}
                    >
                      {products.isFetchingNextPage ? 'Loading more…' : 'Show more products'}
                    </button>
                  ) : null}
                </>
              )
            }}
          </QueryView>
        </section>
      )}
    </QueryView>
  )
}
