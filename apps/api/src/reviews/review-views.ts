import type { ListedReview, Review } from '@emporium/db'
import type { ListedReviewView, OwnReviewView, ReviewView } from '@emporium/domain/reviews'
import type { ObjectStorage } from '@emporium/infra'
import { reviewPhotoView } from './review-photos'

/** Shown instead of a reviewer without a display name; emails are never shown. */
const ANONYMOUS = 'Verified customer'

/** A published review as shoppers see it. */
export function toReviewView(storage: ObjectStorage, r: Omit<ListedReview, 'mine'>): ReviewView {
  return {
    id: r.id,
    productId: r.product_id,
    authorName: r.author_name ?? ANONYMOUS,
    rating: r.rating,
    title: r.title,
    body: r.body,
    photos: r.photo_keys.map((key) => reviewPhotoView(storage, key)),
    verifiedPurchase: r.verified_purchase,
    helpfulCount: r.helpful_count,
    sellerReply:
      r.seller_reply !== null && r.seller_replied_at !== null
        ? { body: r.seller_reply, repliedAt: r.seller_replied_at }
        : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** A review in a product's list, flagged when the viewer wrote it. */
export function toListedReviewView(storage: ObjectStorage, r: ListedReview): ListedReviewView {
  return { ...toReviewView(storage, r), mine: r.mine }
}

/** The author's own review, with its moderation status. */
export function toOwnReviewView(
  storage: ObjectStorage,
  r: Review,
  authorName: string | null,
): OwnReviewView {
  return {
    ...toReviewView(storage, { ...r, author_name: authorName }),
    status: r.status,
    photoKeys: r.photo_keys,
  }
}
