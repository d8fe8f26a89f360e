import { z } from 'zod'

export const PlaceOrderInput = z.object({
  shippingAddressId: z.uuid({ message: 'Choose a shipping address from your address book.' }),
  /** A Stripe payment method id or a test-gateway token (e.g. tok_visa) — never a card number. */
  paymentMethodToken: z
    .string()
    .min(3)
    .max(255)
    .regex(/^[A-Za-z0-9_]+$/, 'A payment method token is letters, digits and underscores.'),
})

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
