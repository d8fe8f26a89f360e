import { z } from 'zod'
import { TrackingStatusSchema } from './fulfillment-status'

/** A carrier update a seller records on one of their parcels: checked in the browser and the API. */
export const AddTrackingEventInput = z.object({
  shipmentId: z.uuid('No such shipment'),
  status: TrackingStatusSchema,
  description: z.string().trim().max(300).nullish(),
  location: z.string().trim().max(120).nullish(),
  occurredAt: z.iso.datetime({ offset: true, error: 'When must be a date and time' }),
})
export type AddTrackingEventInput = z.infer<typeof AddTrackingEventInput>
