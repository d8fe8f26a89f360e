import { useQueryClient } from '@tanstack/react-query'
import { AddTrackingEventInput, TRACKING_STATUSES } from '@emporium/domain/fulfillment'
import { useId } from 'react'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { trpc } from '../trpc'
import { sellerOrderKey } from './seller-order-types'

const STATUS_TEXT: Record<(typeof TRACKING_STATUSES)[number], string> = {
  label_created: 'Label created',
  in_transit: 'In transit',
  out_for_delivery: 'Out for delivery',
  delivered: 'Delivered',
  exception: 'Delivery problem',
}

/** The browser's local "YYYY-MM-DDTHH:mm:ss" for a datetime-local field. */
function localDateTime(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 19)
}

/** A datetime-local value as an ISO instant; left as typed when it is not a date (the schema says so). */
function toInstant(value: string): string {
  const date = new Date(value)
  return value !== '' && !Number.isNaN(date.getTime()) ? date.toISOString() : value
}

/** Records a carrier update on a parcel (in transit, delivered…); "delivered" completes it. */
export function TrackingEventForm({
  fulfillmentId,
  shipment,
}: {
  fulfillmentId: string
  shipment: { id: string; trackingNumber: string; shippedAt: string }
}) {
  const { id: shipmentId, trackingNumber } = shipment
  // Seconds are the field's finest step: never suggest a moment before the parcel left.
  const shippedSecond = Math.ceil(Date.parse(shipment.shippedAt) / 1000) * 1000
  const suggestedWhen = localDateTime(new Date(Math.max(Date.now(), shippedSecond)))
  const statusId = useId()
  const queryClient = useQueryClient()
  const form = useSchemaForm({
    schema: AddTrackingEventInput,
    prepare: (values) => ({
      shipmentId,
      status: values.status,
      description: values.description?.trim() ? values.description : null,
      location: values.location?.trim() ? values.location : null,
      occurredAt: toInstant(values.occurredAt ?? ''),
    }),
    submit: (input) => trpc.seller.addTrackingEvent.mutate(input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: sellerOrderKey(fulfillmentId) })
      await queryClient.invalidateQueries({ queryKey: ['seller', 'orders', 'list'] })
    },
  })
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      aria-label={`Carrier update for ${trackingNumber}`}
      className="stack"
    >
      <div className="field">
        <label htmlFor={statusId}>What happened</label>
        <select id={statusId} name="status" defaultValue="in_transit">
          {TRACKING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_TEXT[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field-row">
        <Field label="Where (optional)" name="location" errors={form.errors.location} />
        <Field
          label="When"
          name="occurredAt"
          type="datetime-local"
          step={1}
          defaultValue={suggestedWhen}
          errors={form.errors.occurredAt}
        />
      </div>
      <Field label="Details (optional)" name="description" errors={form.errors.description} />
      <FormMessage
        error={form.formError}
        success={form.mutation.data ? 'Update recorded.' : null}
      />
      <p>
        <SubmitButton pending={form.pending} pendingText="Recording…">
          Record update
        </SubmitButton>
      </p>
    </form>
  )
}
