import { z } from 'zod'
import { ReviewStatusView } from './review-schemas'

export const StoredReasonView = z.object({
  signal: z.string(),
  weight: z.number(),
  detail: z.string(),
})
export type StoredReasonView = z.infer<typeof StoredReasonView>

export const ModerationQueueInput = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  /** Opaque cursor from the previous page. */
  cursor: z.string().max(200).optional(),
})
export type ModerationQueueInput = z.infer<typeof ModerationQueueInput>

export const ModerationItemView = z.object({
  reviewId: z.uuid(),
  productId: z.uuid(),
  authorId: z.uuid(),
  rating: z.number().int(),
  title: z.string(),
  body: z.string(),
  status: ReviewStatusView,
  spamScore: z.number().nullable(),
  spamReasons: z.array(StoredReasonView),
  reports: z.array(z.object({ reason: z.string(), createdAt: z.date() })),
  createdAt: z.date(),
})
export type ModerationItemView = z.infer<typeof ModerationItemView>

export const ModerationQueuePage = z.object({
  items: z.array(ModerationItemView),
  nextCursor: z.string().nullable(),
})
export type ModerationQueuePage = z.infer<typeof ModerationQueuePage>

export const ApproveReviewInput = z.object({
  reviewId: z.uuid(),
  note: z.string().trim().max(1000).optional(),
})
export type ApproveReviewInput = z.infer<typeof ApproveReviewInput>

export const RejectReviewInput = z.object({
  reviewId: z.uuid(),
  reason: z.string().trim().min(1, 'Say why the review is rejected.').max(1000),
})
export type RejectReviewInput = z.infer<typeof RejectReviewInput>

export const ModerationDecisionView = z.object({
  status: ReviewStatusView,
  decidedBy: z.uuid().nullable(),
  spamScore: z.number().nullable(),
  reasons: z.array(StoredReasonView),
  createdAt: z.date(),
})
export type ModerationDecisionView = z.infer<typeof ModerationDecisionView>
