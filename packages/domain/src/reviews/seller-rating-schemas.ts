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
