import { useQueryClient } from '@tanstack/react-query'
import { ShipOrderInput } from '@emporium/domain/fulfillment'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { trpc } from '../trpc'
import { sellerOrderKey } from './seller-order-types'

/**
 * "Mark shipped": carrier and tracking number, checked in the browser with the schema
 * `seller.shipOrder` uses, then sent; the order page shows the parcel once the API accepts it.
 */
export function ShipOrderForm({ fulfillmentId }: { fulfillmentId: string }) {
  const queryClient = useQueryClient()
  const form = useSchemaForm({
    schema: ShipOrderInput,
    prepare: (values) => ({ ...values, fulfillmentId }),
    submit: (input) => trpc.seller.shipOrder.mutate(input),
    onSuccess: async (order) => {
      queryClient.setQueryData(sellerOrderKey(fulfillmentId), order)
      await queryClient.invalidateQueries({ queryKey: ['seller', 'orders', 'list'] })
    },
  })
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Mark shipped" className="stack">
      <div className="field-row">
        <Field
          label="Carrier"
          name="carrier"
          autoComplete="off"
          hint="Who carries the parcel, like UPS or DHL."
          errors={form.errors.carrier}
        />
        <Field
          label="Tracking number"
          name="trackingNumber"
          autoComplete="off"
          hint="Letters, digits and dashes, as on the label."
          errors={form.errors.trackingNumber}
        />
      </div>
      <FormMessage error={form.formError} />
      <p>
        <SubmitButton pending={form.pending} pendingText="Marking shipped…">
          Mark shipped
        </SubmitButton>
      </p>
    </form>
  )
}
