import { z } from 'zod'

const Score = z.number().int().min(1, 'Give 1 to 5 stars.').max(5, 'Give 1 to 5 stars.')

export const RateSellerInput = z.object({
  orderId: z.uuid(),
  sellerId: z.uuid(),
  shipping: Score,
  accuracy: Score,
  communication: Score,
  comment: z.string().trim().max(2000).optional(),
})
export type RateSellerInput = z.infer<typeof RateSellerInput>

export const SellerIdInput = z.object({ sellerId: z.uuid() })
export type SellerIdInput = z.infer<typeof SellerIdInput>

export const SellerRatingSummaryView = z.object({
  sellerId: z.uuid(),
  ratingCount: z.number().int(),
  shipping: z.number().nullable(),
  accuracy: z.number().nullable(),
  communication: z.number().nullable(),
  overall: z.number().nullable(),
})
export type SellerRatingSummaryView = z.infer<typeof SellerRatingSummaryView>

export const OrderIdInput = z.object({ orderId: z.uuid() })
export type OrderIdInput = z.infer<typeof OrderIdInput>

/** A seller of one of the caller's orders: whether their part arrived, and the caller's rating of them. */
export const OrderSellerToRateView = z.object({
  sellerId: z.uuid(),
  storeName: z.string(),
  /** The seller's items reached the buyer, so the buyer may rate them. */
  delivered: z.boolean(),
  rated: z
    .object({
      shipping: z.number().int(),
      accuracy: z.number().int(),
      communication: z.number().int(),
    })
    .nullable(),
})
export type OrderSellerToRateView = z.infer<typeof OrderSellerToRateView>
