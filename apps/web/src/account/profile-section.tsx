import { useMutation, useQueryClient } from '@tanstack/react-query'
import { DisplayNameSchema } from '@emporium/domain/accounts'
import { z } from 'zod'
import { ME_KEY } from '../accounts/use-me'
import { errorMessage } from '../forms/field-errors'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { trpc, type Me } from '../trpc'

const ProfileForm = z.object({ displayName: DisplayNameSchema.nullable() })

/** Email with its verification state (and a way to resend the link) and the editable display name. */
export function ProfileSection({ me }: { me: NonNullable<Me> }) {
  const queryClient = useQueryClient()
  const resend = useMutation({ mutationFn: () => trpc.auth.requestEmailVerification.mutate() })
  const form = useSchemaForm({
    schema: ProfileForm,
    prepare: (v) => ({ displayName: v.displayName?.trim() ? v.displayName : null }),
    submit: (input) => trpc.account.updateProfile.mutate(input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ME_KEY }),
  })

  return (
    <section className="panel" aria-labelledby="profile-title">
      <h3 id="profile-title">Profile</h3>
      <dl className="facts">
        <dt>Email</dt>
        <dd>
          {me.email}{' '}
          {me.emailVerified ? (
            <span className="badge badge--up">Verified</span>
          ) : (
            <span className="badge badge--down">Not verified</span>
          )}
        </dd>
        <dt>Role</dt>
        <dd>{me.role}</dd>
      </dl>
      {me.emailVerified ? null : (
        <div>
          <button
            type="button"
            className="button--secondary"
            onClick={() => resend.mutate()}
            disabled={resend.isPending}
          >
            {resend.isPending ? 'Sending…' : 'Send the verification link again'}
          </button>
          <FormMessage
            error={resend.error ? errorMessage(resend.error) : null}
            success={
              resend.data?.status === 'sent'
                ? `We sent a new link to ${me.email}.`
                : resend.data
                  ? 'Your email is already confirmed.'
                  : null
            }
          />
        </div>
      )}
      <form onSubmit={form.onSubmit} noValidate aria-label="Display name" className="inline-form">
        <Field
          label="Display name"
          name="displayName"
          autoComplete="name"
          defaultValue={me.displayName ?? ''}
          errors={form.errors.displayName}
        />
        <SubmitButton pending={form.pending} pendingText="Saving…">
          Save name
        </SubmitButton>
        <FormMessage
          error={form.formError}
          success={form.mutation.isSuccess ? 'Your name was saved.' : null}
        />
      </form>
    </section>
  )
}
