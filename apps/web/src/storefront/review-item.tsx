import { ReplyToReviewInput, ReportReviewInput } from '@emporium/domain/reviews'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { errorMessage } from '../forms/field-errors'
import { FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { trpc } from '../trpc'

/** One published review as `reviews.list` returns it. */
export type ListedReview = Awaited<ReturnType<typeof trpc.reviews.list.query>>['items'][number]

/**
 * What the visitor may do with a review: vote and report when signed in (not on their own review,
 * which `reviews.list` flags `mine`), reply as its seller.
 */
export interface ReviewPermissions {
  signedIn: boolean
  isProductSeller: boolean
}

/** A multi-line text field checked by a form schema, its message tied to it. */
function TextArea({ label, name, errors }: { label: string; name: string; errors?: string[] }) {
  const id = useId()
  return (
    <div className={`field${errors ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={3}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
      />
      {errors ? (
        <p id={`${id}-error`} className="field__error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  )
}

/** A form under a review with one text field, its send button and Cancel. */
function InlineTextForm({
  label,
  fieldLabel,
  name,
  submitText,
  form,
  onClose,
}: {
  label: string
  fieldLabel: string
  name: string
  submitText: string
  form: Pick<ReturnType<typeof useSchemaForm>, 'onSubmit' | 'errors' | 'pending' | 'formError'>
  onClose: () => void
}) {
  return (
    <form aria-label={label} onSubmit={form.onSubmit} noValidate className="inline-form">
      <TextArea label={fieldLabel} name={name} errors={form.errors[name]} />
      <SubmitButton pending={form.pending} pendingText="Sending…">
        {submitText}
      </SubmitButton>
      <button type="button" className="button--secondary" onClick={onClose}>
        Cancel
      </button>
      <FormMessage error={form.formError} />
    </form>
  )
}

function HelpfulButton({ review }: { review: ListedReview }) {
  const vote = useMutation({
    mutationFn: () => trpc.reviews.voteHelpful.mutate({ reviewId: review.id }),
  })
  return (
    <>
      {vote.isSuccess ? (
        <p role="status">You found this helpful.</p>
      ) : (
        <button
          type="button"
          className="button--secondary"
          onClick={() => vote.mutate()}
          disabled={vote.isPending}
        >
          Helpful<span className="visually-hidden"> review “{review.title}”</span>
        </button>
      )}
      <FormMessage error={vote.error ? errorMessage(vote.error) : null} />
    </>
  )
}

function ReportForm({ review, onClose }: { review: ListedReview; onClose: () => void }) {
  const form = useSchemaForm({
    schema: ReportReviewInput,
    prepare: (v) => ({ ...v, reviewId: review.id }),
    submit: (input) => trpc.reviews.report.mutate(input),
  })
  if (form.mutation.isSuccess)
    return <p role="status">Thank you. A moderator will look at this review.</p>
  return (
    <InlineTextForm
      label={`Report review “${review.title}”`}
      fieldLabel="What is wrong with this review?"
      name="reason"
      submitText="Send report"
      form={form}
      onClose={onClose}
    />
  )
}

function ReplyForm({ review, onClose }: { review: ListedReview; onClose: () => void }) {
  const queryClient = useQueryClient()
  const form = useSchemaForm({
    schema: ReplyToReviewInput,
    prepare: (v) => ({ ...v, reviewId: review.id }),
    submit: (input) => trpc.reviews.reply.mutate(input),
    onSuccess: async () => {
      onClose()
      await queryClient.invalidateQueries({ queryKey: ['reviews', review.productId] })
    },
  })
  return (
    <InlineTextForm
      label={`Reply to review “${review.title}”`}
      fieldLabel="Your public reply"
      name="body"
      submitText="Post reply"
      form={form}
      onClose={onClose}
    />
  )
}

/** One review: stars, text, photos, the seller's reply, and the visitor's actions on it. */
export function ReviewItem({ review, can }: { review: ListedReview; can: ReviewPermissions }) {
  const [open, setOpen] = useState<'report' | 'reply' | null>(null)
  return (
    <li aria-label={review.title}>
      <p>
        <strong>{review.title}</strong> · {review.rating} of 5 stars · {review.authorName}
        {review.verifiedPurchase ? ' · Verified purchase' : ''} ·{' '}
        {new Date(review.createdAt).toLocaleDateString()}
        {review.mine ? ' · Your review' : ''}
      </p>
      <p>{review.body}</p>
      {review.photos.length > 0 ? (
        <ul className="plain chips" aria-label={`Photos of review “${review.title}”`}>
          {review.photos.map((photo, i) => (
            <li key={photo.largeUrl}>
              <a href={photo.largeUrl} target="_blank" rel="noreferrer">
                <img src={photo.thumbUrl} alt={`Photo ${i + 1} of ${review.title}`} width={96} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {review.sellerReply ? (
        <p className="muted">Seller’s reply: {review.sellerReply.body}</p>
      ) : null}
      <p className="muted">
        {review.helpfulCount} {review.helpfulCount === 1 ? 'person' : 'people'} found this helpful
      </p>
      {can.signedIn ? (
        <div className="actions">
          {/* The API refuses a vote on or a report of one's own review: neither is offered. */}
          {review.mine ? null : <HelpfulButton review={review} />}
          {open === null && !review.mine ? (
            <button type="button" className="button--secondary" onClick={() => setOpen('report')}>
              Report<span className="visually-hidden"> review “{review.title}”</span>
            </button>
          ) : null}
          {open === null && can.isProductSeller ? (
            <button type="button" onClick={() => setOpen('reply')}>
              {review.sellerReply ? 'Change reply' : 'Reply'}
              <span className="visually-hidden"> to review “{review.title}”</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {open === 'report' ? <ReportForm review={review} onClose={() => setOpen(null)} /> : null}
      {open === 'reply' ? <ReplyForm review={review} onClose={() => setOpen(null)} /> : null}
    </li>
  )
}
