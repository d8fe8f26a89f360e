import type { OrderDetail } from '../trpc'

/** What the shopper is told about an order held for a fraud review, or null when it was not held. */
export function orderReviewText(review: OrderDetail['review']): string | null {
  if (review === null) return null
  switch (review.status) {
    case 'held':
      return 'Your order is being reviewed before payment; nothing has been charged yet.'
    case 'approved':
      return 'Your order passed a security review.'
    case 'rejected':
      return 'Your order could not be accepted after a security review; nothing was charged.'
    case 'expired':
      return 'Your order could not be reviewed in time; nothing was charged.'
    case 'cancelled':
      return 'You cancelled this order while it was being reviewed; nothing was charged.'
  }
}
