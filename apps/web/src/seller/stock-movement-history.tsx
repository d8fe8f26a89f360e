import { useInfiniteQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { trpc } from '../trpc'
import { QueryView } from '../ui/query-view'

type Movement = Awaited<ReturnType<typeof trpc.seller.listStockMovements.query>>['items'][number]

const REASONS: Record<Movement['reason'], string> = {
  restock: 'Restock',
  adjustment: 'Adjustment',
  return: 'Return',
  reserve: 'Reserved by a checkout',
  release: 'Reservation released',
  commit: 'Sold',
  seed: 'Opening stock',
}

/** "+4", "−2" (a real minus sign) or "0". */
function signedUnits(units: number): string {
  if (units > 0) return `+${units}`
  if (units < 0) return `\u2212${-units}`
  return '0'
}

/**
 * A variant's stock ledger behind a Show/Hide button: every change in every warehouse, newest first,
 * with the on hand it left, and older movements on request (keyset pages of the API).
 */
export function StockMovementHistory({
  variantId,
  sku,
  pageSize = 20,
}: {
  variantId: string
  sku: string
  pageSize?: number
}) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  return (
    <div className="stock-history">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={`${open ? 'Hide' : 'Show'} stock history of ${sku}`}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Hide stock history' : 'Stock history'}
      </button>
      <div id={panelId}>
        {open ? <MovementTable variantId={variantId} sku={sku} pageSize={pageSize} /> : null}
      </div>
    </div>
  )
}

function MovementTable({
  variantId,
  sku,
  pageSize,
}: {
  variantId: string
  sku: string
  pageSize: number
}) {
  const movements = useInfiniteQuery({
    queryKey: ['seller', 'inventory', 'movements', variantId, pageSize],
    queryFn: ({ pageParam }) =>
      trpc.seller.listStockMovements.query({
        variantId,
        limit: pageSize,
        beforeId: pageParam ?? undefined,
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBeforeId,
  })
  return (
    <QueryView query={movements} what={`the stock history of ${sku}`}>
      {(data) => {
        const rows = data.pages.flatMap((p) => p.items)
        if (rows.length === 0) return <p>No stock movements yet.</p>
        return (
          <>
            <table className="table">
              <caption>Stock movements of {sku}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Warehouse</th>
                  <th scope="col">Change</th>
                  <th scope="col">Reason</th>
                  <th scope="col">On hand after</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <time dateTime={m.createdAt}>{new Date(m.createdAt).toLocaleString()}</time>
                    </td>
                    <td>{m.warehouseCode}</td>
                    <td>
                      {signedUnits(m.onHandDelta)}
                      {m.reservedDelta !== 0 ? ` (reserved ${signedUnits(m.reservedDelta)})` : ''}
                    </td>
                    <td>{REASONS[m.reason]}</td>
                    <td>{m.onHandAfter}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {movements.hasNextPage ? (
              <button
                type="button"
                onClick={() => void movements.fetchNextPage()}
                disabled={movements.isFetchingNextPage}
              >
                {movements.isFetchingNextPage ? 'Loading older movements…' : 'Load older movements'}
              </button>
            ) : null}
          </>
        )
      }}
    </QueryView>
  )
}
