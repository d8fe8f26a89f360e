import { Link } from '../router'
import { QueryView } from '../ui/query-view'
import { CartLineItem } from './cart-line-item'
import { CartTotals } from './cart-totals'
import { CouponForm } from './coupon-form'
import { CurrencySwitch } from './currency-switch'
import { PriceChangeNotice } from './price-change-notice'
import { useCart } from './use-cart'

/** The cart: lines with their notices, price changes to accept, coupons, currency and totals. */
export function CartPage() {
  const cart = useCart()
  return (
    <section className="panel" aria-labelledby="cart-title">
      <h2 id="cart-title">Your cart</h2>
      <QueryView query={cart} what="your cart">
        {(data) => (
          <>
            <CurrencySwitch cart={data} />
            {data.lines.length === 0 ? (
              <p>
                Your cart is empty. <Link to="/search">Browse products</Link>.
              </p>
            ) : (
              <>
                <PriceChangeNotice cart={data} />
                <ul className="cart-lines" aria-label="Cart lines">
                  {data.lines.map((line) => (
                    <CartLineItem key={line.variantId} line={line} />
                  ))}
                </ul>
                <CouponForm cart={data} />
                <CartTotals totals={data.totals} />
                {data.checkout.ready ? null : (
                  <ul aria-label="Before checkout" className="blockers">
                    {data.checkout.blockers.map((b) => (
                      <li key={b}>{b}</li>
                    ))}
                  </ul>
                )}
                <Link to="/checkout" className="button">
                  Go to checkout
                </Link>
              </>
            )}
          </>
        )}
      </QueryView>
    </section>
  )
}
