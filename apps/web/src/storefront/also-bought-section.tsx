import { useQuery } from '@tanstack/react-query'
import { useCartCurrency } from '../cart/use-cart'
import { trpc } from '../trpc'
import { QueryView } from '../ui/query-view'
import { ProductCardGrid } from './product-card-grid'

/** "Customers also bought": products bought together with this one (recommendations.forProduct). */
export function AlsoBoughtSection({ productId }: { productId: string }) {
  const currency = useCartCurrency()
  const recommended = useQuery({
    queryKey: ['recommendations', 'product', productId, currency],
    queryFn: () => trpc.recommendations.forProduct.query({ productId, currency, limit: 6 }),
  })
  return (
    <section className="panel" aria-labelledby="also-bought-title">
      <h2 id="also-bought-title">Customers also bought</h2>
      <QueryView query={recommended} what="recommendations">
        {(served) =>
          served.items.length === 0 ? (
            <p>Nothing to suggest yet.</p>
          ) : (
            <ProductCardGrid products={served.items} label="Customers also bought" />
          )
        }
      </QueryView>
    </section>
  )
}
