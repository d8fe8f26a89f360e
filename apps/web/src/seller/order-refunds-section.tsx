import { useQuery } from '@tanstack/react-query'
import { trpc } from '../trpc'
import { formatPrice } from '../ui/format-price'
import { PageSection } from '../ui/page-title'
import { QueryView } from '../ui/query-view'
import { RefundForm } from './refund-form'
import type { SellerOrder, SellerRefund } from './seller-order-types'

const REFUND_STATUS_TEXT: Record<SellerRefund['status'], string> = {
  pending: 'Pending (the payment gateway has not confirmed it yet)',
  succeeded: 'Refunded',
  failed: 'Failed',
}

// Orders with nothing captured, or refunded in full already, cannot be refunded (again).
const NOT_REFUNDABLE = new Set<SellerOrder['orderStatus']>(['pending', 'cancelled', 'refunded'])

/** The refunds of an order (with their status) and the form to refund more of it. */
export function OrderRefundsSection({ order }: { order: SellerOrder }) {
  const refunds = useQuery({
    queryKey: ['seller', 'refunds', order.orderId],
    queryFn: () => trpc.refunds.sellerListRefunds.query({ orderId: order.orderId }),
  })
  return (
    <PageSection id="seller-refunds-title" title="Refunds">
      <QueryView query={refunds} what="refunds">
        {(data) =>
          data.items.length === 0 ? (
            <p>Nothing refunded yet.</p>
          ) : (
            <ul className="plain" aria-label="Refunds of this order">
              {data.items.map((r) => (
                <li key={r.id}>
                  <strong>{formatPrice(r.amount)}</strong> · {REFUND_STATUS_TEXT[r.status]} ·{' '}
                  {new Date(r.createdAt).toLocaleString()}
                  {r.items.length > 0
                    ? ` · ${r.items.map((i) => `${i.quantity} × ${i.sku}`).join(', ')}`
                    : ''}
                  {r.restock ? ' · back in stock' : ''}
                  {r.reason ? <p className="muted">Reason: {r.reason}</p> : null}
                  {r.failureMessage ? <p className="form-error">{r.failureMessage}</p> : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      {NOT_REFUNDABLE.has(order.orderStatus) ? (
        <p>This order cannot be refunded (it is {order.orderStatus.replaceAll('_', ' ')}).</p>
      ) : (
        <RefundForm order={order} />
      )}
    </PageSection>
  )
}
