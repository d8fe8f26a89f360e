import { useQuery } from '@tanstack/react-query'
import { trpc } from '../trpc'
import { QueryView } from '../ui/query-view'
import { ReviewForm } from './review-form'

/** Published reviews of a product, most helpful first, and the shopper's own. */
export function ReviewsSection({ productId }: { productId: string }) {
  const reviews = useQuery({
    queryKey: ['reviews', productId],
    queryFn: () => trpc.reviews.list.query({ productId, limit: 10 }),
  })
  return (
    <section className="panel" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Reviews</h2>
      <QueryView query={reviews} what="reviews">
        {(page) =>
          page.items.length === 0 ? (
            <p>No reviews yet.</p>
          ) : (
            <ul className="plain stack" aria-label="Reviews">
              {page.items.map((r) => (
                <li key={r.id}>
                  <p>
                    <strong>{r.title}</strong> · {r.rating} of 5 stars · {r.authorName}
                    {r.verifiedPurchase ? ' · Verified purchase' : ''} ·{' '}
                    {new Date(r.createdAt).toLocaleDateString()}
                  </p>
                  <p>{r.body}</p>
                  {r.sellerReply ? (
                    <p className="muted">Seller’s reply: {r.sellerReply.body}</p>
                  ) : null}
                  <p className="muted">{r.helpfulCount} found this helpful</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
      <h3>Write a review</h3>
      <ReviewForm productId={productId} />
    </section>
  )
}
