import { z } from 'zod'

/** Most photos one review may show. */
export const MAX_REVIEW_PHOTOS = 4

const Stars = z.number().int().min(1, 'Give 1 to 5 stars.').max(5, 'Give 1 to 5 stars.')
const Title = z.string().trim().min(1, 'Give your review a title.').max(150)
const Body = z.string().trim().min(1, 'Write a few words about the product.').max(5000)
/** Keys returned by `reviews.uploadPhoto`. */
const PhotoKeys = z
  .array(z.string().max(300))
  .max(MAX_REVIEW_PHOTOS, `A review can show at most ${MAX_REVIEW_PHOTOS} photos.`)
  .default([])

export const CreateReviewInput = z.object({
  productId: z.uuid(),
  rating: Stars,
  title: Title,
  body: Body,
  photoKeys: PhotoKeys,
})
export type CreateReviewInput = z.infer<typeof CreateReviewInput>

export const UpdateReviewInput = z.object({
  reviewId: z.uuid(),
  rating: Stars,
  title: Title,
  body: Body,
  photoKeys: PhotoKeys,
})
export type UpdateReviewInput = z.infer<typeof UpdateReviewInput>

export const REVIEW_SORTS = ['most_helpful', 'newest', 'highest_rating', 'lowest_rating'] as const
export type ReviewSort = (typeof REVIEW_SORTS)[number]

export const ListReviewsInput = z.object({
  productId: z.uuid(),
  sort: z.enum(REVIEW_SORTS).default('most_helpful'),
  /** Only reviews with exactly this many stars. */
  stars: Stars.optional(),
  limit: z.number().int().min(1).max(50).default(10),
  offset: z.number().int().min(0).max(10_000).default(0),
})
export type ListReviewsInput = z.infer<typeof ListReviewsInput>

export const ReviewIdInput = z.object({ reviewId: z.uuid() })
export type ReviewIdInput = z.infer<typeof ReviewIdInput>

export const ProductIdInput = z.object({ productId: z.uuid() })
export type ProductIdInput = z.infer<typeof ProductIdInput>

export const ReportReviewInput = z.object({
  reviewId: z.uuid(),
  reason: z.string().trim().min(1, 'Say what is wrong with this review.').max(1000),
})
export type ReportReviewInput = z.infer<typeof ReportReviewInput>

export const ReplyToReviewInput = z.object({
  reviewId: z.uuid(),
  body: z.string().trim().min(1, 'Write a reply.').max(2000),
})
export type ReplyToReviewInput = z.infer<typeof ReplyToReviewInput>

export const ReviewPhotoView = z.object({ thumbUrl: z.string(), largeUrl: z.string() })
export type ReviewPhotoView = z.infer<typeof ReviewPhotoView>

export const ReviewView = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  authorName: z.string(),
  rating: z.number().int(),
  title: z.string(),
  body: z.string(),
  photos: z.array(ReviewPhotoView),
  verifiedPurchase: z.boolean(),
  helpfulCount: z.number().int(),
  sellerReply: z.object({ body: z.string(), repliedAt: z.date() }).nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
})
export type ReviewView = z.infer<typeof ReviewView>

export const ReviewStatusView = z.enum(['published', 'held', 'rejected'])

/** The author's own review: also its moderation status (never the spam reasons) and photo keys, to edit it. */
export const OwnReviewView = ReviewView.extend({
  status: ReviewStatusView,
  /** Keys of the review's photos, in order, as `reviews.update` takes them. */
  photoKeys: z.array(z.string()),
})
export type OwnReviewView = z.infer<typeof OwnReviewView>

/**
 * A review in a product's list: `mine` is true on the signed-in viewer's own review (never for
 * anyone else, and no reviewer id is shown), so a page can leave out voting and reporting there.
 */
export const ListedReviewView = ReviewView.extend({ mine: z.boolean() })
export type ListedReviewView = z.infer<typeof ListedReviewView>

export const ReviewPage = z.object({
  items: z.array(ListedReviewView),
  /** Offset of the next page, null on the last one. */
  nextOffset: z.number().int().nullable(),
})
export type ReviewPage = z.infer<typeof ReviewPage>

export const RatingSummaryView = z.object({
  productId: z.uuid(),
  reviewCount: z.number().int(),
  average: z.number().nullable(),
  /** Published reviews per star, 1★ first. */
  histogram: z.array(z.object({ stars: z.number().int(), count: z.number().int() })),
  /** Ranking key (mean damped toward a prior), so few reviews cannot outrank many. */
  bayesianAverage: z.number(),
  wilsonScore: z.number(),
})
export type RatingSummaryView = z.infer<typeof RatingSummaryView>

export const UploadReviewPhotoInput = z.object({
  /** The file, base64-encoded (no `data:` prefix). */
  data: z
    .string()
    .min(1, 'Choose a photo to upload.')
    .max(Math.ceil((10 * 1024 * 1024) / 3) * 4, 'Photos can be at most 10 MB.')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'The photo must be base64-encoded.'),
})
export type UploadReviewPhotoInput = z.infer<typeof UploadReviewPhotoInput>

export const UploadedReviewPhotoView = ReviewPhotoView.extend({ key: z.string() })
export type UploadedReviewPhotoView = z.infer<typeof UploadedReviewPhotoView>

export const TopRatedProductsInput = z.object({
  sellerId: z.uuid().optional(),
  limit: z.number().int().min(1).max(50).default(10),
})
export type TopRatedProductsInput = z.infer<typeof TopRatedProductsInput>

export const TopRatedProductView = z.object({
  productId: z.uuid(),
  name: z.string(),
  slug: z.string(),
  reviewCount: z.number().int(),
  average: z.number().nullable(),
  bayesianAverage: z.number(),
})
export type TopRatedProductView = z.infer<typeof TopRatedProductView>
