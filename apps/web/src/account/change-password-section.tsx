import { useQueryClient } from '@tanstack/react-query'
import { NewPasswordSchema, PasswordInputSchema } from '@emporium/domain/accounts'
import { useRef } from 'react'
import { z } from 'zod'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { trpc } from '../trpc'
import { SESSIONS_KEY } from './sessions-section'

const ChangePasswordForm = z.object({
  currentPassword: PasswordInputSchema,
  newPassword: NewPasswordSchema,
})

/** Changes the password; the API signs out every other device, so the session list is re-read. */
export function ChangePasswordSection() {
  const queryClient = useQueryClient()
  const formRef = useRef<HTMLFormElement>(null)
  const form = useSchemaForm({
    schema: ChangePasswordForm,
    submit: (input) => trpc.auth.changePassword.mutate(input),
    onSuccess: () => {
      formRef.current?.reset()
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY })
    },
  })
  return (
    <section className="panel" aria-labelledby="password-title">
      <h3 id="password-title">Change password</h3>
      <form ref={formRef} onSubmit={form.onSubmit} noValidate aria-labelledby="password-title">
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          errors={form.errors.currentPassword}
        />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          errors={form.errors.newPassword}
        />
        <FormMessage
          error={form.formError}
          success={
            form.mutation.isSuccess
              ? 'Your password was changed. Your other devices were signed out.'
              : null
          }
        />
        <SubmitButton pending={form.pending} pendingText="Changing…">
          Change password
        </SubmitButton>
      </form>
    </section>
  )
}
