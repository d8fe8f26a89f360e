import { z } from 'zod'

/** What a seller sends to mark their part of an order shipped: checked in the browser and the API. */
export const ShipOrderInput = z.object({
  fulfillmentId: z.uuid('No such order'),
  carrier: z.string().trim().min(1, 'Carrier is required').max(60, 'Carrier is too long'),
  trackingNumber: z
    .string()
    .trim()
    .min(4, 'Tracking number is too short')
    .max(60, 'Tracking number is too long')
    .regex(/^[A-Za-z0-9-]+$/, 'Tracking number may contain letters, digits and dashes only'),
})
export type ShipOrderInput = z.infer<typeof ShipOrderInput>
