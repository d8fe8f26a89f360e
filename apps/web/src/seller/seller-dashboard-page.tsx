import { useQuery } from '@tanstack/react-query'
import { Link } from '../router'
import { trpc } from '../trpc'
import { PageSection } from '../ui/page-title'
import { QueryView } from '../ui/query-view'
import { SalesSection } from './sales-section'

/** The seller's home: store standing, shortcuts, low-stock alerts and sales. */
export function SellerDashboardPage() {
  const store = useQuery({
    queryKey: ['seller', 'dashboard-store'],
    queryFn: () => trpc.seller.getDashboardStore.query(),
  })
  const alerts = useQuery({
    queryKey: ['seller', 'inventory', 'alerts'],
    queryFn: () => trpc.seller.listLowStockAlerts.query({ limit: 10 }),
  })
  return (
    <>
      <QueryView query={store} what="your store">
        {(s) => (
          <PageSection id="dashboard-title" title={s.storeName}>
            <ul className="chips" aria-label="Shortcuts">
              <li>
                <Link to="/seller/products/new">New product</Link>
              </li>
              <li>
                <Link to="/seller/products">Products</Link>
              </li>
              <li>
                <Link to="/seller/import">Import</Link>
              </li>
              <li>
                <Link to="/seller/inventory">Inventory</Link>
              </li>
              <li>
                <Link to="/seller/orders">Orders to fulfil</Link>
              </li>
            </ul>
          </PageSection>
        )}
      </QueryView>
      <SalesSection />
      <PageSection id="dashboard-alerts-title" title="Low stock">
        <QueryView query={alerts} what="low-stock alerts">
          {(data) =>
            data.items.length === 0 ? (
              <p>Nothing is running low.</p>
            ) : (
              <ul aria-label="Low-stock alerts">
                {data.items.map((a) => (
                  <li key={a.id}>
                    {a.sku} in {a.warehouseCode}: {a.available} left
                  </li>
                ))}
              </ul>
            )
          }
        </QueryView>
      </PageSection>
    </>
  )
}
