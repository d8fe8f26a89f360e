import { CreateReviewInput } from '@emporium/domain/reviews'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { useMe } from '../accounts/use-me'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { Link } from '../router'
import { trpc } from '../trpc'
import { QueryView } from '../ui/query-view'

const STATUS_TEXT = {
  published: 'It is published.',
  held: 'It is waiting for a moderator before it is published.',
  rejected: 'It was not published.',
} as const

/** "Write a review" for a signed-in shopper (one per product), or their review's status. */
export function ReviewForm({ productId }: { productId: string }) {
  const me = useMe()
  if (!me.data) {
    return me.isPending ? null : (
      <p>
        <Link to={`/sign-in?returnTo=${encodeURIComponent(window.location.pathname)}`}>
          Sign in
        </Link>{' '}
        to write a review.
      </p>
    )
  }
  return <OwnReview productId={productId} />
}

function OwnReview({ productId }: { productId: string }) {
  const mine = useQuery({
    queryKey: ['reviews', 'mine', productId],
    queryFn: () => trpc.reviews.mine.query({ productId }),
  })
  return (
    <QueryView query={mine} what="your review">
      {(review) =>
        review ? (
          <p role="status">
            You reviewed this product: “{review.title}”, {review.rating} of 5 stars.{' '}
            {STATUS_TEXT[review.status]}
          </p>
        ) : (
          <WriteReview productId={productId} />
        )
      }
    </QueryView>
  )
}

/** The review form, checked with the API's own CreateReviewInput before it is sent. */
export function WriteReview({ productId }: { productId: string }) {
  const queryClient = useQueryClient()
  const id = useId()
  const form = useSchemaForm({
    schema: CreateReviewInput,
    // The star choice arrives as text; no choice stays empty, which the schema refuses.
    prepare: (v) => ({ ...v, productId, rating: v.rating ? Number(v.rating) : undefined }),
    submit: (input) => trpc.reviews.create.mutate(input),
    onSuccess: async (review) => {
      queryClient.setQueryData(['reviews', 'mine', productId], review)
      await queryClient.invalidateQueries({ queryKey: ['reviews', productId] })
    },
  })
  const ratingErrors = form.errors.rating
  const bodyErrors = form.errors.body
  return (
    <form aria-label="Write a review" onSubmit={form.onSubmit} noValidate className="stack">
      <div className={`field${ratingErrors ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-rating`}>Rating</label>
        <select
          id={`${id}-rating`}
          name="rating"
          defaultValue=""
          aria-invalid={ratingErrors ? true : undefined}
          aria-describedby={ratingErrors ? `${id}-rating-error` : undefined}
        >
          <option value="">Choose…</option>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {n} {n === 1 ? 'star' : 'stars'}
            </option>
          ))}
        </select>
        {ratingErrors ? (
          <p id={`${id}-rating-error`} className="field__error">
            {ratingErrors.join(' ')}
          </p>
        ) : null}
      </div>
      <Field label="Title" name="title" errors={form.errors.title} maxLength={150} />
      <div className={`field${bodyErrors ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-body`}>Your review</label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={4}
          aria-invalid={bodyErrors ? true : undefined}
          aria-describedby={bodyErrors ? `${id}-body-error` : undefined}
        />
        {bodyErrors ? (
          <p id={`${id}-body-error`} className="field__error">
            {bodyErrors.join(' ')}
          </p>
        ) : null}
      </div>
      <FormMessage error={form.formError} />
      <SubmitButton pending={form.pending} pendingText="Sending…">
        Post review
      </SubmitButton>
    </form>
  )
}
