import { CreateReviewInput, UpdateReviewInput } from '@emporium/domain/reviews'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { useMe } from '../accounts/use-me'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { Link } from '../router'
import { trpc } from '../trpc'
import { QueryView } from '../ui/query-view'
import { ReviewPhotosField, type AttachedPhoto } from './review-photos-field'

type OwnReview = Awaited<ReturnType<typeof trpc.reviews.create.mutate>>

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
  const [editing, setEditing] = useState(false)
  const mine = useQuery({
    queryKey: ['reviews', 'mine', productId],
    queryFn: () => trpc.reviews.mine.query({ productId }),
  })
  return (
    <QueryView query={mine} what="your review">
      {(review) =>
        !review ? (
          <WriteReview productId={productId} />
        ) : editing ? (
          <EditReview review={review} onDone={() => setEditing(false)} />
        ) : (
          <>
            <p role="status">
              You reviewed this product: “{review.title}”, {review.rating} of 5 stars.{' '}
              {STATUS_TEXT[review.status]}
            </p>
            <button type="button" className="button--secondary" onClick={() => setEditing(true)}>
              Edit your review
            </button>
          </>
        )
      }
    </QueryView>
  )
}

/** Stars, title, text and photos of a review; `initial` fills them in for an edit. */
function ReviewFields({
  errors,
  initial,
  photos,
  onPhotos,
}: {
  errors: Record<string, string[] | undefined>
  initial?: OwnReview
  photos: AttachedPhoto[]
  onPhotos: (photos: AttachedPhoto[]) => void
}) {
  const id = useId()
  const ratingErrors = errors.rating
  const bodyErrors = errors.body
  return (
    <>
      <div className={`field${ratingErrors ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-rating`}>Rating</label>
        <select
          id={`${id}-rating`}
          name="rating"
          defaultValue={initial ? String(initial.rating) : ''}
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
      <Field
        label="Title"
        name="title"
        errors={errors.title}
        maxLength={150}
        defaultValue={initial?.title}
      />
      <div className={`field${bodyErrors ? ' field--invalid' : ''}`}>
        <label htmlFor={`${id}-body`}>Your review</label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={4}
          defaultValue={initial?.body}
          aria-invalid={bodyErrors ? true : undefined}
          aria-describedby={bodyErrors ? `${id}-body-error` : undefined}
        />
        {bodyErrors ? (
          <p id={`${id}-body-error`} className="field__error">
            {bodyErrors.join(' ')}
          </p>
        ) : null}
      </div>
      <ReviewPhotosField photos={photos} onChange={onPhotos} errors={errors.photoKeys} />
    </>
  )
}

// The star choice arrives as text; no choice stays empty, which the schema refuses.
const stars = (v: Record<string, string>) => (v.rating ? Number(v.rating) : undefined)

/** The review form, checked with the API's own CreateReviewInput before it is sent. */
export function WriteReview({ productId }: { productId: string }) {
  const queryClient = useQueryClient()
  const [photos, setPhotos] = useState<AttachedPhoto[]>([])
  const form = useSchemaForm({
    schema: CreateReviewInput,
    prepare: (v) => ({ ...v, productId, rating: stars(v), photoKeys: photos.map((p) => p.key) }),
    submit: (input) => trpc.reviews.create.mutate(input),
    onSuccess: async (review) => {
      queryClient.setQueryData(['reviews', 'mine', productId], review)
      await queryClient.invalidateQueries({ queryKey: ['reviews', productId] })
    },
  })
  return (
    <form aria-label="Write a review" onSubmit={form.onSubmit} noValidate className="stack">
      <ReviewFields errors={form.errors} photos={photos} onPhotos={setPhotos} />
      <FormMessage error={form.formError} />
      <SubmitButton pending={form.pending} pendingText="Sending…">
        Post review
      </SubmitButton>
    </form>
  )
}

/** Edits the shopper's own review (checked with UpdateReviewInput); the edit is scored again. */
export function EditReview({ review, onDone }: { review: OwnReview; onDone: () => void }) {
  const queryClient = useQueryClient()
  const [photos, setPhotos] = useState<AttachedPhoto[]>(() =>
    review.photoKeys.map((key, i) => ({ key, thumbUrl: review.photos[i]?.thumbUrl ?? '' })),
  )
  const form = useSchemaForm({
    schema: UpdateReviewInput,
    prepare: (v) => ({
      ...v,
      reviewId: review.id,
      rating: stars(v),
      photoKeys: photos.map((p) => p.key),
    }),
    submit: (input) => trpc.reviews.update.mutate(input),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['reviews', 'mine', review.productId], updated)
      onDone()
      await queryClient.invalidateQueries({ queryKey: ['reviews', review.productId] })
    },
  })
  return (
    <form aria-label="Edit your review" onSubmit={form.onSubmit} noValidate className="stack">
      <ReviewFields errors={form.errors} initial={review} photos={photos} onPhotos={setPhotos} />
      <FormMessage error={form.formError} />
      <SubmitButton pending={form.pending} pendingText="Saving…">
        Save changes
      </SubmitButton>
      <button type="button" className="button--secondary" onClick={onDone}>
        Cancel
      </button>
    </form>
  )
}
