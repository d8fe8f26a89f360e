import { useInfiniteQuery } from '@tanstack/react-query'
import { Link } from '../router'
import { trpc } from '../trpc'
import { PageSection } from '../ui/page-title'
import { QueryView } from '../ui/query-view'

const STATUS_TEXT = { draft: 'Draft', active: 'On sale', archived: 'Archived' } as const

/** The seller's products, newest first, with links to edit each one. */
export function SellerProductsPage() {
  const products = useInfiniteQuery({
    queryKey: ['seller', 'products'],
    queryFn: ({ pageParam }) =>
      trpc.seller.listProducts.query({ limit: 20, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
  return (
    <PageSection
      id="seller-products-title"
      title="Your products"
      actions={
        <span className="actions">
          <Link to="/seller/products/new" className="button">
            New product
          </Link>
          <Link to="/seller/import">Import products</Link>
        </span>
      }
    >
      <QueryView query={products} what="your products">
        {(data) => {
          const items = data.pages.flatMap((p) => p.items)
          if (items.length === 0) return <p>No products yet. Create one or import a file.</p>
          return (
            <>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Product</th>
                    <th scope="col">Status</th>
                    <th scope="col">Variants</th>
                    <th scope="col">Updated</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        <Link to={`/seller/products/${p.id}`}>{p.name}</Link>
                      </th>
                      <td>{STATUS_TEXT[p.status]}</td>
                      <td>{p.variantCount}</td>
                      <td>{new Date(p.updatedAt).toLocaleDateString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
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
    </PageSection>
  )
}
