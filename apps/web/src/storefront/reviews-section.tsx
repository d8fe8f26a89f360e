import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useMe } from '../accounts/use-me'
import { errorMessage } from '../forms/field-errors'
import { trpc } from '../trpc'
import { ReviewForm } from './review-form'
import { ReviewItem } from './review-item'

type ReviewSort = NonNullable<Parameters<typeof trpc.reviews.list.query>[0]['sort']>

const SORTS: { value: ReviewSort; label: string }[] = [
  { value: 'most_helpful', label: 'Most helpful' },
  { value: 'newest', label: 'Newest' },
  { value: 'highest_rating', label: 'Highest rating' },
  { value: 'lowest_rating', label: 'Lowest rating' },
]
const PAGE = 10

/** Average and reviews per star; the histogram's rows filter the list to that star value. */
function RatingSummary({
  productId,
  onPickStars,
}: {
  productId: string
  onPickStars: (stars: number) => void
}) {
  const summary = useQuery({
    queryKey: ['reviews', productId, 'summary'],
    queryFn: () => trpc.reviews.ratingSummary.query({ productId }),
  })
  const s = summary.data
  if (!s || s.reviewCount === 0) return null
  return (
    <div aria-label="Rating summary">
      <p>
        {s.average?.toFixed(1)} of 5 stars from {s.reviewCount}{' '}
        {s.reviewCount === 1 ? 'review' : 'reviews'}
      </p>
      <ul className="plain">
        {[...s.histogram].reverse().map((h) => (
          <li key={h.stars}>
            <button
              type="button"
              className="button-link"
              onClick={() => onPickStars(h.stars)}
              disabled={h.count === 0}
            >
              {h.stars} {h.stars === 1 ? 'star' : 'stars'}: {h.count}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * A product's published reviews: rating summary, sort (most helpful, newest, by rating), a star
 * filter, pages on demand, and the shopper's own review form. `sellerSlug` is the product's store,
 * whose owner may reply to reviews.
 */
export function ReviewsSection({
  productId,
  sellerSlug,
}: {
  productId: string
  sellerSlug: string
}) {
  const me = useMe()
  const sortId = useId()
  const starsId = useId()
  const [sort, setSort] = useState<ReviewSort>('most_helpful')
  const [stars, setStars] = useState<number | undefined>(undefined)
  const reviews = useInfiniteQuery({
    queryKey: ['reviews', productId, 'list', sort, stars ?? 'all'],
    queryFn: ({ pageParam }) =>
      trpc.reviews.list.query({ productId, sort, stars, limit: PAGE, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextOffset ?? undefined,
  })
  const items = reviews.data?.pages.flatMap((p) => p.items) ?? []
  const can = {
    signedIn: Boolean(me.data),
    isProductSeller: me.data?.seller?.slug === sellerSlug,
  }
  return (
    <section className="panel" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Reviews</h2>
      <RatingSummary productId={productId} onPickStars={setStars} />
      <div className="field-row">
        <div className="field field--inline">
          <label htmlFor={sortId}>Sort reviews by</label>
          <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value as ReviewSort)}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor={starsId}>Show</label>
          <select
            id={starsId}
            value={stars ?? ''}
            onChange={(e) => setStars(e.target.value ? Number(e.target.value) : undefined)}
          >
            <option value="">All stars</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {n} {n === 1 ? 'star' : 'stars'} only
              </option>
            ))}
          </select>
        </div>
      </div>
      {reviews.isPending ? (
        <p role="status" className="loading">
          Loading reviews…
        </p>
      ) : reviews.isError ? (
        <div className="alert" role="alert">
          <p>
            <strong>Could not load reviews.</strong> {errorMessage(reviews.error)}
          </p>
          <button type="button" onClick={() => void reviews.refetch()}>
            Retry
          </button>
        </div>
      ) : items.length === 0 ? (
        <p>{stars ? `No ${stars}-star reviews.` : 'No reviews yet.'}</p>
      ) : (
        <ul className="plain stack" aria-label="Reviews">
          {items.map((r) => (
            <ReviewItem key={r.id} review={r} can={can} />
          ))}
        </ul>
      )}
      {reviews.hasNextPage ? (
        <button
          type="button"
          className="button--secondary"
          onClick={() => void reviews.fetchNextPage()}
          disabled={reviews.isFetchingNextPage}
        >
          {reviews.isFetchingNextPage ? 'Loading…' : 'Show more reviews'}
        </button>
      ) : null}
      <h3>Your review</h3>
      <ReviewForm productId={productId} />
    </section>
  )
}
