import { useMutation, useQueryClient } from '@tanstack/react-query'
import { errorMessage } from '../forms/field-errors'
import { FormMessage } from '../forms/form-parts'
import { trpc } from '../trpc'

/**
 * Switches a variant's flash-sale mode: on, checkouts pass a gate holding the units available
 * when the sale started, and buyers beyond them are told "sold out" at once.
 */
export function FlashSaleToggle({
  variantId,
  sku,
  units,
}: {
  variantId: string
  sku: string
  /** Units the gate can still admit, or null when the variant is not in flash-sale mode. */
  units: number | null
}) {
  const queryClient = useQueryClient()
  const toggle = useMutation({
    mutationFn: () =>
      units === null
        ? trpc.seller.startFlashSale.mutate({ variantId })
        : trpc.seller.endFlashSale.mutate({ variantId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['seller', 'inventory'] }),
  })
  return (
    <div className="flash-sale">
      {units !== null ? (
        <p>
          <span className="badge">Flash sale</span> {units} left to sell
        </p>
      ) : null}
      <button
        type="button"
        onClick={() => toggle.mutate()}
        disabled={toggle.isPending}
        aria-label={`${units === null ? 'Start' : 'End'} flash sale of ${sku}`}
      >
        {units === null ? 'Start flash sale' : 'End flash sale'}
      </button>
      <FormMessage error={toggle.error ? errorMessage(toggle.error) : null} />
    </div>
  )
}
