import { useQuery } from '@tanstack/react-query'
import { RequireSignIn } from '../account/require-sign-in'
import { Link, usePathname } from '../router'
import { trpc } from '../trpc'
import { formatPrice } from '../ui/format-price'
import { QueryView } from '../ui/query-view'
import { OrderTimeline } from './order-timeline'
import { orderReviewText } from './order-review-text'
import { orderStatusText } from './order-status-text'
import { RateSellersSection } from './rate-sellers-section'

/** `/orders/<id>`: one order as bought, its payment, and its tracking timeline. */
export function OrderDetailPage() {
  const orderId = usePathname().slice('/orders/'.length)
  return (
    <RequireSignIn title="Your order" returnTo={`/orders/${orderId}`}>
      {() => <OrderDetails orderId={orderId} />}
    </RequireSignIn>
  )
}

function OrderDetails({ orderId }: { orderId: string }) {
  const order = useQuery({
    queryKey: ['orders', 'get', orderId],
    queryFn: () => trpc.orders.get.query({ orderId }),
    refetchInterval: 10_000,
  })
  return (
    <QueryView query={order} what="your order">
      {(o) => (
        <section className="panel" aria-labelledby="order-title">
          <p>
            <Link to="/orders">All your orders</Link>
          </p>
          <h2 id="order-title">Order #{o.number}</h2>
          <p>
            Status: <strong>{orderStatusText(o.status)}</strong> · placed{' '}
            {new Date(o.placedAt).toLocaleString()}
          </p>
          {o.review ? (
            <p className="notice" role="status" aria-label="Security review">
              {orderReviewText(o.review)}
            </p>
          ) : null}
          {o.checkoutId ? (
            <p>
              <Link to={`/checkout/progress?id=${encodeURIComponent(o.checkoutId)}`}>
                Follow your payment, or pay with another card
              </Link>
            </p>
          ) : null}
          {o.cancelReason ? <p className="notice">{o.cancelReason}</p> : null}
          <table className="table">
            <caption className="visually-hidden">Items</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Seller</th>
                <th scope="col">Quantity</th>
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {o.items.map((item, i) => (
                <tr key={`${item.sku}-${i}`}>
                  <th scope="row">
                    {item.productName} <span className="muted">({item.sku})</span>
                  </th>
                  <td>{item.storeName}</td>
                  <td>
                    {item.quantity}
                    {item.refundedQuantity > 0 ? `, ${item.refundedQuantity} refunded` : ''}
                  </td>
                  <td>{formatPrice(item.lineTotal)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="totals" aria-label="Totals">
            <div>
              <dt>Subtotal</dt>
              <dd>{formatPrice(o.totals.subtotal)}</dd>
            </div>
            <div>
              <dt>Discount</dt>
              <dd>{formatPrice(o.totals.discount)}</dd>
            </div>
            <div>
              <dt>Shipping</dt>
              <dd>{formatPrice(o.totals.shipping)}</dd>
            </div>
            <div>
              <dt>Tax</dt>
              <dd>{formatPrice(o.totals.tax)}</dd>
            </div>
            <div className="totals__grand">
              <dt>Total</dt>
              <dd>{formatPrice(o.totals.total)}</dd>
            </div>
          </dl>
          {o.payment ? (
            <p>
              Payment: {o.payment.status}, {formatPrice(o.payment.captured)} captured
            </p>
          ) : null}
          {o.payment && o.payment.refunded.amount > 0 ? (
            <p className="notice" role="status">
              Refunded to you: <strong>{formatPrice(o.payment.refunded)}</strong>
            </p>
          ) : null}
          <h3>Tracking</h3>
          <OrderTimeline entries={o.timeline} />
          <RateSellersSection orderId={o.id} />
        </section>
      )}
    </QueryView>
  )
}
