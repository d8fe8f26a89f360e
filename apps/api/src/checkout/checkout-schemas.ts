import { z } from 'zod'

/** Shared with the checkout form, which checks its input before sending it. */
export { PlaceOrderInput } from '@emporium/domain'

export const CheckoutRef = z.object({
  checkoutId: z
    .string()
    .regex(/^checkout:[0-9a-f-]{36}$/, 'That is not a checkout id.')
    .max(64),
})

const CheckoutStageSchema = z.enum([
  'validating',
  'reserving',
  'creating_order',
  'held_for_review',
  'charging',
  'awaiting_payment',
  'retrying_payment',
  'confirming',
  'compensating',
  'paid',
  'cancelled',
])

export const CheckoutProgressView = z.object({
  checkoutId: z.string(),
  stage: CheckoutStageSchema,
  orderId: z.string().nullable(),
  orderNumber: z.number().int().nullable(),
  paymentClientSecret: z.string().nullable(),
  paymentAttempts: z.number().int(),
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  done: z.boolean(),
})
export type CheckoutProgressView = z.infer<typeof CheckoutProgressView>
