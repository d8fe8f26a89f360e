import { useInfiniteQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Link } from '../router'
import { trpc } from '../trpc'
import { formatPrice } from '../ui/format-price'
import { PageSection } from '../ui/page-title'
import { QueryView } from '../ui/query-view'
import { FULFILLMENT_STATUS_TEXT, type FulfillmentStatus } from './seller-order-types'

const FILTERS: { value: FulfillmentStatus | 'all'; label: string }[] = [
  { value: 'pending', label: 'To pack and ship' },
  { value: 'packed', label: 'Packed, to ship' },
  { value: 'shipped', label: 'Shipped' },
  { value: 'delivered', label: 'Delivered' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'all', label: 'All orders' },
]

/** `/seller/orders`: the store's orders, newest first, opening on those still to be sent. */
export function SellerOrdersPage() {
  const filterId = useId()
  const [filter, setFilter] = useState<FulfillmentStatus | 'all'>('pending')
  const orders = useInfiniteQuery({
    queryKey: ['seller', 'orders', 'list', filter],
    queryFn: ({ pageParam }) =>
      trpc.seller.listOrders.query({
        ...(filter === 'all' ? {} : { status: filter }),
        ...(pageParam ? { cursor: pageParam } : {}),
        limit: 20,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  })
  return (
    <PageSection
      id="seller-orders-title"
      title="Orders to fulfil"
      actions={
        <span className="inline-field">
          <label htmlFor={filterId}>Show</label>
          <select
            id={filterId}
            value={filter}
            onChange={(e) => setFilter(e.target.value as FulfillmentStatus | 'all')}
          >
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </span>
      }
    >
      <QueryView query={orders} what="your orders">
        {(data) => {
          const rows = data.pages.flatMap((p) => p.items)
          if (rows.length === 0)
            return <p>{filter === 'pending' ? 'Nothing waits to be sent.' : 'No orders here.'}</p>
          return (
            <>
              <ul className="inventory-list" aria-label="Seller orders">
                {rows.map((o) => (
                  <li key={o.fulfillmentId} className="inventory-item">
                    <p>
                      <Link to={`/seller/orders/${o.fulfillmentId}`}>Order #{o.orderNumber}</Link> ·{' '}
                      {FULFILLMENT_STATUS_TEXT[o.status]}
                    </p>
                    <p className="muted">
                      {o.lines.reduce((n, l) => n + l.quantity, 0)} items · {formatPrice(o.total)} ·
                      placed {new Date(o.placedAt).toLocaleString()}
                      {o.shipTo.fullName ? ` · for ${o.shipTo.fullName}` : ''}
                    </p>
                  </li>
                ))}
              </ul>
              {orders.hasNextPage ? (
                <button
                  type="button"
                  onClick={() => void orders.fetchNextPage()}
                  disabled={orders.isFetchingNextPage}
                >
                  {orders.isFetchingNextPage ? 'Loading more…' : 'Show more'}
                </button>
              ) : null}
            </>
          )
        }}
      </QueryView>
    </PageSection>
  )
}
