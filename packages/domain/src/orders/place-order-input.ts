import { z } from 'zod'

/** Input of `orders.place`, also checked by the checkout form before anything is sent. */
export const PlaceOrderInput = z.object({
  shippingAddressId: z.uuid({ message: 'Choose a shipping address from your address book.' }),
  /** Where the card is billed, from the address book; left out when it is the shipping address. */
  billingAddressId: z
    .uuid({ message: 'Choose a billing address from your address book.' })
    .optional(),
  /** A Stripe payment method id or a test-gateway token (e.g. tok_visa) — never a card number. */
  paymentMethodToken: z
    .string()
    .min(3, 'A payment method token has at least 3 characters, like tok_visa.')
    .max(255)
    .regex(/^[A-Za-z0-9_]+$/, 'A payment method token is letters, digits and underscores.'),
})
export type PlaceOrderInput = z.infer<typeof PlaceOrderInput>
