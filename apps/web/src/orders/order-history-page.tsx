import { useInfiniteQuery } from '@tanstack/react-query'
import { RequireSignIn } from '../account/require-sign-in'
import { Link } from '../router'
import { trpc } from '../trpc'
import { formatPrice } from '../ui/format-price'
import { QueryView } from '../ui/query-view'
import { orderStatusText } from './order-status-text'

/** `/orders`: the shopper's orders, newest first. */
export function OrderHistoryPage() {
  return (
    <RequireSignIn title="Your orders" returnTo="/orders">
      {() => <OrderHistory />}
    </RequireSignIn>
  )
}

function OrderHistory() {
  const orders = useInfiniteQuery({
    queryKey: ['orders', 'list'],
    queryFn: ({ pageParam }) =>
      trpc.orders.list.query({ limit: 10, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
  return (
    <section className="panel" aria-labelledby="orders-title">
      <h2 id="orders-title">Your orders</h2>
      <QueryView query={orders} what="your orders">
        {(data) => {
          const items = data.pages.flatMap((p) => p.items)
          if (items.length === 0) return <p>No orders yet.</p>
          return (
            <>
              <ul className="plain stack" aria-label="Orders">
                {items.map((o) => (
                  <li key={o.id} className="order-row">
                    <Link to={`/orders/${o.id}`}>Order #{o.number}</Link>{' '}
                    <span className="badge">{orderStatusText(o.status)}</span>{' '}
                    {new Date(o.placedAt).toLocaleDateString()} · {formatPrice(o.total)} ·{' '}
                    {o.itemCount === 1 ? '1 item' : `${o.itemCount} items`}
                    <p className="muted">{o.previewNames.join(', ')}</p>
                  </li>
                ))}
              </ul>
              {orders.hasNextPage ? (
                <button
                  type="button"
                  onClick={() => void orders.fetchNextPage()}
                  disabled={orders.isFetchingNextPage}
                >
                  {orders.isFetchingNextPage ? 'Loading more…' : 'Show older orders'}
                </button>
              ) : null}
            </>
          )
        }}
      </QueryView>
    </section>
  )
}
