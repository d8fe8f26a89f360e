import { useMutation, useQueryClient } from '@tanstack/react-query'
import { errorMessage } from '../forms/field-errors'
import { trpc, type SellerProductView } from '../trpc'

const STATUS_TEXT = { draft: 'Draft', active: 'On sale', archived: 'Archived' } as const

/** The product's status and the moves it allows: publish a draft, archive, restore. */
export function ProductStatusActions({ product }: { product: SellerProductView }) {
  const queryClient = useQueryClient()
  const move = useMutation({
    mutationFn: (to: 'publish' | 'archive' | 'restore') => {
      const input = { productId: product.id }
      if (to === 'publish') return trpc.seller.publishProduct.mutate(input)
      if (to === 'archive') return trpc.seller.archiveProduct.mutate(input)
      return trpc.seller.restoreProduct.mutate(input)
    },
    onSuccess: (updated) => queryClient.setQueryData(['seller', 'product', updated.id], updated),
  })
  return (
    <div className="status-actions">
      <p>
        Status: <strong>{STATUS_TEXT[product.status]}</strong>
      </p>
      {product.status === 'draft' ? (
        <button type="button" onClick={() => move.mutate('publish')} disabled={move.isPending}>
          Publish
        </button>
      ) : null}
      {product.status !== 'archived' ? (
        <button type="button" onClick={() => move.mutate('archive')} disabled={move.isPending}>
          Archive
        </button>
      ) : (
        <button type="button" onClick={() => move.mutate('restore')} disabled={move.isPending}>
          Restore to draft
        </button>
      )}
      {move.error ? (
        <p className="form-error" role="alert">
          {errorMessage(move.error)}
        </p>
      ) : null}
    </div>
  )
}
