import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { trpc, type InventoryRow } from '../trpc'
import { PageSection } from '../ui/page-title'
import { QueryView } from '../ui/query-view'
import { FlashSaleToggle } from './flash-sale-toggle'
import { StockAdjustForm } from './stock-adjust-form'
import { StockMovementHistory } from './stock-movement-history'

/** Stock per variant and warehouse with low-stock flags, adjustments, stock history, and the latest alerts. */
export function InventoryPage() {
  const [lowOnly, setLowOnly] = useState(false)
  const levels = useInfiniteQuery({
    queryKey: ['seller', 'inventory', 'levels', lowOnly],
    queryFn: ({ pageParam }) =>
      trpc.seller.listInventory.query({ lowOnly, limit: 50, after: pageParam ?? undefined }),
    initialPageParam: null as { sku: string; warehouseId: number } | null,
    getNextPageParam: (last) => last.next,
  })
  const alerts = useQuery({
    queryKey: ['seller', 'inventory', 'alerts'],
    queryFn: () => trpc.seller.listLowStockAlerts.query({ limit: 10 }),
  })
  return (
    <>
      <PageSection
        id="inventory-title"
        title="Inventory"
        actions={
          <label className="check">
            <input
              type="checkbox"
              checked={lowOnly}
              onChange={(e) => setLowOnly(e.target.checked)}
            />
            Low stock only
          </label>
        }
      >
        <QueryView query={levels} what="your stock">
          {(data) => {
            const rows = data.pages.flatMap((p) => p.items)
            if (rows.length === 0)
              return <p>{lowOnly ? 'Nothing is low on stock.' : 'No stock recorded yet.'}</p>
            return (
              <>
                <ul className="inventory-list" aria-label="Stock levels">
                  {rows.map((row, i) => (
                    <InventoryItem
                      key={`${row.variantId}-${row.warehouseId}`}
                      row={row}
                      // A variant's flash sale spans its warehouses: offered on its first row.
                      firstOfVariant={rows.findIndex((r) => r.variantId === row.variantId) === i}
                    />
                  ))}
                </ul>
                {levels.hasNextPage ? (
                  <button
                    type="button"
                    onClick={() => void levels.fetchNextPage()}
                    disabled={levels.isFetchingNextPage}
                  >
                    {levels.isFetchingNextPage ? 'Loading more…' : 'Show more'}
                  </button>
                ) : null}
              </>
            )
          }}
        </QueryView>
      </PageSection>
      <PageSection id="alerts-title" title="Low-stock alerts">
        <QueryView query={alerts} what="low-stock alerts">
          {(data) =>
            data.items.length === 0 ? (
              <p>No alerts.</p>
            ) : (
              <ul aria-label="Alerts">
                {data.items.map((a) => (
                  <li key={a.id}>
                    {a.sku} in {a.warehouseCode}: {a.available} left (threshold {a.threshold}),{' '}
                    {new Date(a.raisedAt).toLocaleString()}
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

function InventoryItem({ row, firstOfVariant }: { row: InventoryRow; firstOfVariant: boolean }) {
  return (
    <li className={`inventory-item${row.low ? ' inventory-item--low' : ''}`}>
      <div>
        <strong>{row.productName}</strong> <span className="muted">{row.sku}</span>
        <p>
          {row.warehouseCode}: {row.onHand} on hand, {row.reserved} reserved,{' '}
          <strong>{row.available} available</strong>
          {row.low ? (
            <span className="badge badge--low">
              {' '}
              Low stock (at or below {row.lowStockThreshold})
            </span>
          ) : null}
        </p>
      </div>
      <StockAdjustForm
        variantId={row.variantId}
        warehouseId={row.warehouseId}
        label={`Adjust ${row.sku} in ${row.warehouseCode}`}
      />
      {firstOfVariant ? (
        <FlashSaleToggle variantId={row.variantId} sku={row.sku} units={row.flashSaleUnits} />
      ) : null}
      {firstOfVariant ? <StockMovementHistory variantId={row.variantId} sku={row.sku} /> : null}
    </li>
  )
}
