import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { errorMessage } from '../forms/field-errors'
import { orderStatusText } from '../orders/order-status-text'
import { FormMessage } from '../forms/form-parts'
import { Link, usePathname } from '../router'
import { trpc } from '../trpc'
import { formatPrice } from '../ui/format-price'
import { PageSection } from '../ui/page-title'
import { QueryView } from '../ui/query-view'
import { OrderRefundsSection } from './order-refunds-section'
import { ShipOrderForm } from './ship-order-form'
import { TrackingEventForm } from './tracking-event-form'
import { FULFILLMENT_STATUS_TEXT, sellerOrderKey, type SellerOrder } from './seller-order-types'

/** `/seller/orders/<fulfillmentId>`: the store's part of one order, to pack, ship and refund. */
export function SellerOrderPage() {
  const fulfillmentId = usePathname().slice('/seller/orders/'.length)
  const order = useQuery({
    queryKey: sellerOrderKey(fulfillmentId),
    queryFn: () => trpc.seller.getOrder.query({ fulfillmentId }),
  })
  return (
    <>
      <p>
        <Link to="/seller/orders">All orders to fulfil</Link>
      </p>
      <QueryView query={order} what="the order">
        {(o) => (
          <>
            <OrderFacts order={o} />
            <OrderRefundsSection order={o} />
          </>
        )}
      </QueryView>
    </>
  )
}

function ShipTo({ to }: { to: SellerOrder['shipTo'] }) {
  const cityLine = [to.postalCode, to.city, to.region].filter(Boolean).join(' ')
  return (
    <address>
      {[to.fullName, to.line1, to.line2, cityLine, to.country, to.phone]
        .filter(Boolean)
        .map((part, i) => (
          <span key={i}>
            {part}
            <br />
          </span>
        ))}
    </address>
  )
}

function OrderFacts({ order: o }: { order: SellerOrder }) {
  const canShip = o.status === 'pending' || o.status === 'packed'
  return (
    <PageSection id="seller-order-title" title={`Order #${o.orderNumber}`}>
      <p>
        Status: <strong>{FULFILLMENT_STATUS_TEXT[o.status]}</strong> · placed{' '}
        {new Date(o.placedAt).toLocaleString()}
        {o.paidAt ? `, paid ${new Date(o.paidAt).toLocaleString()}` : ', not paid yet'}
      </p>
      <p className="muted">Whole order: {orderStatusText(o.orderStatus)}</p>
      <h3>Ship to</h3>
      <ShipTo to={o.shipTo} />
      <h3>Your items</h3>
      <ul className="inventory-list" aria-label="Your items in this order">
        {o.lines.map((line) => (
          <li key={line.id} className="inventory-item">
            <p>
              <strong>{line.productName}</strong> <span className="muted">({line.sku})</span>
            </p>
            <p>
              {line.quantity} × {formatPrice(line.unitPrice)} = {formatPrice(line.lineTotal)}
              {line.refundedQuantity > 0 ? ` · ${line.refundedQuantity} refunded` : ''}
            </p>
          </li>
        ))}
      </ul>
      <p>
        Your part of the order: <strong>{formatPrice(o.total)}</strong>
      </p>
      {o.status === 'pending' ? <PackButton fulfillmentId={o.fulfillmentId} /> : null}
      {canShip ? (
        <>
          <h3>Send it</h3>
          <ShipOrderForm fulfillmentId={o.fulfillmentId} />
        </>
      ) : null}
      {o.shipments.length > 0 ? (
        <>
          <h3>Parcels</h3>
          <ul className="plain" aria-label="Parcels">
            {o.shipments.map((s) => (
              <li key={s.id}>
                {s.carrier} tracking number <strong>{s.trackingNumber}</strong>, shipped{' '}
                {new Date(s.shippedAt).toLocaleString()}
                {s.deliveredAt ? `, delivered ${new Date(s.deliveredAt).toLocaleString()}` : ''}
                {s.events.length > 0 ? (
                  <ol aria-label={`Carrier updates for ${s.trackingNumber}`}>
                    {s.events.map((e) => (
                      <li key={e.id}>
                        {new Date(e.occurredAt).toLocaleString()}: {e.status.replaceAll('_', ' ')}
                        {e.location ? ` · ${e.location}` : ''}
                        {e.description ? ` · ${e.description}` : ''}
                      </li>
                    ))}
                  </ol>
                ) : null}
                {s.deliveredAt ? null : (
                  <details>
                    <summary>Add a carrier update</summary>
                    <TrackingEventForm fulfillmentId={o.fulfillmentId} shipment={s} />
                  </details>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </PageSection>
  )
}

function PackButton({ fulfillmentId }: { fulfillmentId: string }) {
  const queryClient = useQueryClient()
  const pack = useMutation({
    mutationFn: () => trpc.seller.packOrder.mutate({ fulfillmentId }),
    onSuccess: async (order) => {
      queryClient.setQueryData(sellerOrderKey(fulfillmentId), order)
      await queryClient.invalidateQueries({ queryKey: ['seller', 'orders', 'list'] })
    },
  })
  return (
    <div>
      <button type="button" onClick={() => pack.mutate()} disabled={pack.isPending}>
        {pack.isPending ? 'Marking packed…' : 'Mark packed'}
      </button>
      <FormMessage error={pack.error ? errorMessage(pack.error) : null} />
    </div>
  )
}
