import { z } from 'zod'

/** A client's key for one refund request: the same key never refunds twice. */
export const RefundIdempotencyKeySchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_:.-]{8,128}$/,
    'The idempotency key must be 8 to 128 letters, digits or any of _ : . - (a UUID works).',
  )

/** Ask for a refund of an order: an amount, or units of its lines. */
export const CreateRefundInputSchema = z
  .object({
    orderId: z.uuid(),
    idempotencyKey: RefundIdempotencyKeySchema,
    /** Minor units of the order's currency. */
    amountMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    items: z
      .array(
        z.object({
          orderItemId: z.number().int().positive(),
          quantity: z.number().int().positive().max(10_000),
        }),
      )
      .min(1)
      .max(200)
      .optional(),
    /** Put refunded items back in stock (refunds by items only). */
    restock: z.boolean().default(false),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((v) => (v.amountMinor === undefined) !== (v.items === undefined), {
    message: 'Give either an amount or the items to refund, not both.',
  })

export type CreateRefundInput = z.infer<typeof CreateRefundInputSchema>

const MoneyView = z.object({ amount: z.number().int(), currency: z.string() })

/** What a refund request came to. `pending` = the gateway is slow or down; it completes on its own. */
export const RefundRequestResultSchema = z.object({
  status: z.enum(['succeeded', 'failed', 'pending']),
  refundId: z.string().nullable(),
  amount: MoneyView.nullable(),
  orderStatus: z.string().nullable(),
  restockedUnits: z.number().int(),
  message: z.string(),
})

export type RefundRequestResult = z.infer<typeof RefundRequestResultSchema>

/** One refund of an order, as sellers and admins see it. */
export const RefundViewSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  amount: MoneyView,
  status: z.enum(['pending', 'succeeded', 'failed']),
  reason: z.string().nullable(),
  restock: z.boolean(),
  failureMessage: z.string().nullable(),
  items: z.array(
    z.object({
      orderItemId: z.number().int(),
      sku: z.string(),
      quantity: z.number().int(),
      amountMinor: z.number().int(),
    }),
  ),
  createdAt: z.iso.datetime(),
})
