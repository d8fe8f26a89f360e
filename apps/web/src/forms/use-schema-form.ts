import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { errorMessage, serverFieldErrors, validate, type FieldErrors } from './field-errors'

type Schema<T> = Parameters<typeof validate<T>>[0]

interface SchemaFormOptions<T, R> {
  schema: Schema<T>
  submit: (data: T) => Promise<R>
  /** Turns the raw form strings into what the schema expects (e.g. an empty optional field into undefined). */
  prepare?: (values: Record<string, string>) => unknown
  // May return a promise: the form stays "pending" until it settles.
  onSuccess?: (result: R, data: T) => unknown
}

function focusFirstInvalid(form: HTMLFormElement): void {
  // After React has rendered the messages, move the keyboard to the first field that needs fixing.
  setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0)
}

/**
 * A form checked in the browser with the same zod schema the API uses, then sent to the API; field
 * problems from either side are returned per field, anything else as one form-level message.
 */
export function useSchemaForm<T, R>({
  schema,
  submit,
  prepare,
  onSuccess,
}: SchemaFormOptions<T, R>) {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const mutation = useMutation({ mutationFn: submit, onSuccess })

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const raw: Record<string, string> = {}
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') raw[key] = value
    const checked = validate(schema, prepare ? prepare(raw) : raw)
    if (!checked.ok) {
      mutation.reset()
      setClientErrors(checked.errors)
      focusFirstInvalid(form)
      return
    }
    setClientErrors({})
    mutation.mutate(checked.data, { onError: () => focusFirstInvalid(form) })
  }

  const hasClientErrors = Object.keys(clientErrors).length > 0
  const errors: FieldErrors = hasClientErrors ? clientErrors : serverFieldErrors(mutation.error)
  const formError = hasClientErrors
    ? 'Please correct the highlighted fields.'
    : mutation.error
      ? errorMessage(mutation.error)
      : null
  return { onSubmit, errors, formError, pending: mutation.isPending, mutation }
}
