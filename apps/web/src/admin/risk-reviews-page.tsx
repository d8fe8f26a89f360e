import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { RequireSignIn } from '../account/require-sign-in'
import { errorMessage } from '../forms/field-errors'
import { FormMessage } from '../forms/form-parts'
import { trpc } from '../trpc'
import { formatPrice } from '../ui/format-price'

type RiskReview = Awaited<ReturnType<typeof trpc.admin.riskReviews.list.query>>['items'][number]
type Status = RiskReview['status']

const FILTERS: { value: Status | 'all'; label: string }[] = [
  { value: 'pending', label: 'Waiting for a decision' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'expired', label: 'Expired' },
  { value: 'all', label: 'All held orders' },
]

function ReviewRow({ review }: { review: RiskReview }) {
  const queryClient = useQueryClient()
  const noteId = useId()
  const [note, setNote] = useState('')
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'risk-reviews'] })
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      trpc.admin.riskReviews[decision].mutate({
        reviewId: review.id,
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: refresh,
  })
  const label = `Order #${review.orderNumber}`
  return (
    <li className="store" aria-label={label}>
      <div>
        <strong>{label}</strong> · {formatPrice(review.total)} · score {review.score}{' '}
        <span className={`badge badge--${review.status === 'approved' ? 'up' : 'down'}`}>
          {review.status}
        </span>
        <p className="muted">
          {review.userEmail} · held {new Date(review.createdAt).toLocaleString()}
          {review.decidedAt ? ` · decided ${new Date(review.decidedAt).toLocaleString()}` : ''}
        </p>
        <ul aria-label={`Why ${label} was held`}>
          {review.reasons.map((r) => (
            <li key={r.code}>
              {r.message} (+{r.points})
            </li>
          ))}
        </ul>
        {review.decisionNote ? <p className="muted">Note: {review.decisionNote}</p> : null}
      </div>
      {review.status === 'pending' ? (
        <div className="inline-form">
          <div className="field">
            <label htmlFor={noteId}>Note (optional)</label>
            <input
              id={noteId}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <button
            type="button"
            onClick={() => decide.mutate('approve')}
            disabled={decide.isPending}
          >
            Approve<span className="visually-hidden"> {label}</span>
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
      ) : null}
      <FormMessage error={decide.error ? errorMessage(decide.error) : null} />
    </li>
  )
}

function ReviewList() {
  const [filter, setFilter] = useState<Status | 'all'>('pending')
  const filterId = useId()
  const reviews = useQuery({
    queryKey: ['admin', 'risk-reviews', filter],
    queryFn: () =>
      trpc.admin.riskReviews.list.query({
        status: filter === 'all' ? undefined : filter,
        limit: 100,
      }),
  })
  const items = reviews.data?.items ?? []
  return (
    <>
      <div className="field field--inline">
        <label htmlFor={filterId}>Show</label>
        <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as Status)}>
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {reviews.isPending ? (
        <p role="status">Loading held orders…</p>
      ) : reviews.isError ? (
        <div className="alert" role="alert">
          <p>{errorMessage(reviews.error)}</p>
          <button type="button" onClick={() => void reviews.refetch()}>
            Retry
          </button>
        </div>
      ) : items.length === 0 ? (
        <p role="status">No held orders here.</p>
      ) : (
        <ul className="store-list" aria-label="Held orders">
          {items.map((r) => (
            <ReviewRow key={r.id} review={r} />
          ))}
        </ul>
      )}
    </>
  )
}

/** Administrators decide on orders fraud screening held: nothing is charged until approved. */
export function RiskReviewsPage() {
  return (
    <RequireSignIn title="Fraud review" returnTo="/admin/risk-reviews">
      {(me) => (
        <section className="panel" aria-labelledby="risk-reviews-title">
          <h2 id="risk-reviews-title">Fraud review</h2>
          {me.role === 'admin' ? (
            <ReviewList />
          ) : (
            <p role="alert">Only administrators can review held orders.</p>
          )}
        </section>
      )}
    </RequireSignIn>
  )
}
