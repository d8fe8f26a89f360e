import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { CART_KEY } from '../cart/use-cart'
import { Link } from '../router'
import { useSearchParam } from '../router-search'
import { trpc } from '../trpc'
import { QueryView } from '../ui/query-view'
import { RetryPaymentForm } from './retry-payment-form'
import { STAGE_STEPS, STAGE_TEXT, stepIndex } from './checkout-stages'

/** `/checkout/progress?id=…`: the checkout workflow's stages, live, until the order is paid or cancelled. */
export function CheckoutProgressPage() {
  const checkoutId = useSearchParam('id') ?? ''
  const queryClient = useQueryClient()
  const progress = useQuery({
    queryKey: ['orders', 'progress', checkoutId],
    queryFn: () => trpc.orders.progress.query({ checkoutId }),
    refetchInterval: (q) => (q.state.data?.done ? false : 700),
  })
  const done = progress.data?.done ?? false
  useEffect(() => {
    // A finished checkout emptied (paid) or released (cancelled) the cart.
    if (done) void queryClient.invalidateQueries({ queryKey: CART_KEY })
  }, [done, queryClient])
  return (
    <section className="panel" aria-labelledby="progress-title">
      <h2 id="progress-title">Your order</h2>
      <QueryView query={progress} what="your checkout">
        {(p) => {
          const at = stepIndex(p.stage)
          return (
            <div className="stack">
              <p role="status" aria-live="polite" className="checkout-stage">
                {p.orderNumber !== null ? `Order #${p.orderNumber}: ` : ''}
                {STAGE_TEXT[p.stage]}
              </p>
              <ol className="steps" aria-label="Checkout steps">
                {STAGE_STEPS.map((stage, i) => (
                  <li
                    key={stage}
                    aria-current={i === at ? 'step' : undefined}
                    className={i < at || p.stage === 'paid' ? 'step--done' : ''}
                  >
                    {STAGE_TEXT[stage]}
                  </li>
                ))}
              </ol>
              {p.failure ? (
                <div className="alert" role="alert">
                  <p>{p.failure.message}</p>
                </div>
              ) : null}
              {p.stage === 'retrying_payment' ? (
                <RetryPaymentForm
                  checkoutId={checkoutId}
                  onChange={() => void progress.refetch()}
                />
              ) : null}
              {p.stage === 'paid' && p.orderId ? (
                <p>
                  <Link to={`/orders/${p.orderId}`}>See your order and its tracking</Link>
                </p>
              ) : null}
              {p.stage === 'cancelled' ? (
                <p>
                  Nothing was charged. <Link to="/cart">Back to your cart</Link>
                </p>
              ) : null}
            </div>
          )
        }}
      </QueryView>
    </section>
  )
}
