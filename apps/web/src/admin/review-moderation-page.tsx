import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { RequireSignIn } from '../account/require-sign-in'
import { errorMessage } from '../forms/field-errors'
import { FormMessage } from '../forms/form-parts'
import { trpc } from '../trpc'

type HeldReview = Awaited<ReturnType<typeof trpc.reviewModeration.listHeld.query>>['items'][number]

const QUEUE_KEY = ['admin', 'review-moderation'] as const

function HeldReviewRow({ review }: { review: HeldReview }) {
  const queryClient = useQueryClient()
  const noteId = useId()
  const [note, setNote] = useState('')
  const refresh = () => queryClient.invalidateQueries({ queryKey: QUEUE_KEY })
  const decide = useMutation({
    mutationFn: async (decision: 'approve' | 'reject'): Promise<{ status: string }> =>
      decision === 'approve'
        ? trpc.reviewModeration.approve.mutate({
            reviewId: review.reviewId,
            ...(note.trim() ? { note: note.trim() } : {}),
          })
        : trpc.reviewModeration.reject.mutate({ reviewId: review.reviewId, reason: note }),
    onSuccess: refresh,
  })
  const label = `Review “${review.title}”`
  return (
    <li className="store" aria-label={label}>
      <div>
        <strong>{review.title}</strong> · {review.rating} of 5 stars · spam score{' '}
        {review.spamScore === null ? 'none' : review.spamScore.toFixed(2)}
        <p>{review.body}</p>
        <p className="muted">
          Product {review.productId} · author {review.authorId} · written{' '}
          {new Date(review.createdAt).toLocaleString()}
        </p>
        <ul aria-label={`Why ${label} was held`}>
          {review.spamReasons.map((r, i) => (
            <li key={`${r.signal}-${i}`}>
              {r.signal}: {r.detail} ({r.weight.toFixed(2)})
            </li>
          ))}
        </ul>
        {review.reports.length > 0 ? (
          <ul aria-label={`Reports of ${label}`}>
            {review.reports.map((p, i) => (
              <li key={i}>
                Reported {new Date(p.createdAt).toLocaleString()}: {p.reason}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={noteId}>Reason or note (a rejection needs one)</label>
          <input
            id={noteId}
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="button" onClick={() => decide.mutate('approve')} disabled={decide.isPending}>
          Publish<span className="visually-hidden"> {label}</span>
        </button>
        <button
          type="button"
          className="button--danger"
          onClick={() => decide.mutate('reject')}
          disabled={decide.isPending}
        >
          Reject<span className="visually-hidden"> {label}</span>
        </button>
      </div>
      <FormMessage error={decide.error ? errorMessage(decide.error) : null} />
    </li>
  )
}

function HeldReviewList() {
  const queue = useInfiniteQuery({
    queryKey: QUEUE_KEY,
    queryFn: ({ pageParam }) =>
      trpc.reviewModeration.listHeld.query({ cursor: pageParam, limit: 20 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const items = queue.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <>
      {queue.isPending ? (
        <p role="status">Loading held reviews…</p>
      ) : queue.isError ? (
        <div className="alert" role="alert">
          <p>{errorMessage(queue.error)}</p>
          <button type="button" onClick={() => void queue.refetch()}>
            Retry
          </button>
        </div>
      ) : items.length === 0 ? (
        <p role="status">No reviews are waiting for a moderator.</p>
      ) : (
        <ul className="store-list" aria-label="Held reviews">
          {items.map((r) => (
            <HeldReviewRow key={r.reviewId} review={r} />
          ))}
        </ul>
      )}
      {queue.hasNextPage ? (
        <button
          type="button"
          className="button--secondary"
          onClick={() => void queue.fetchNextPage()}
          disabled={queue.isFetchingNextPage}
        >
          {queue.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      ) : null}
    </>
  )
}

/** Administrators publish or reject reviews the spam scoring or abuse reports held, seeing why. */
export function ReviewModerationPage() {
  return (
    <RequireSignIn title="Review moderation" returnTo="/admin/reviews">
      {(me) => (
        <section className="panel" aria-labelledby="review-moderation-title">
          <h2 id="review-moderation-title">Review moderation</h2>
          {me.role === 'admin' ? (
            <HeldReviewList />
          ) : (
            <p role="alert">Only administrators can moderate reviews.</p>
          )}
        </section>
      )}
    </RequireSignIn>
  )
}
