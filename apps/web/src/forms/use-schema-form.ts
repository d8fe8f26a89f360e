import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { errorMessage, serverFieldErrors, validate, type FieldErrors } from './field-errors'

type Schema<T> = Parameters<typeof validate<T>>[0]

/**
 * Thrown by a form's `prepare` for problems found before the schema runs (e.g. Stripe's card form
 * refusing an incomplete card number): shown beside the fields they name, and nothing is sent.
 */
export class FieldProblems extends Error {
  constructor(readonly errors: FieldErrors) {
    super('Please correct the highlighted fields.')
    this.name = 'FieldProblems'
  }
}

interface SchemaFormOptions<T, R> {
  schema: Schema<T>
  submit: (data: T) => Promise<R>
  /**
   * Turns the raw form strings into what the schema expects (e.g. an empty optional field into
   * undefined). May be async (collecting a card token from Stripe) and may throw FieldProblems.
   */
  prepare?: (values: Record<string, string>) => unknown
  // May return a promise: the form stays "pending" until it settles.
  onSuccess?: (result: R, data: T) => unknown
}

function focusFirstInvalid(form: HTMLFormElement): void {
  // After React has rendered the messages, move the keyboard to the first field that needs fixing.
  setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0)
}

/** The raw text fields of a form, by name. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const raw: Record<string, string> = {}
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') raw[key] = value
  return raw
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
  const [preparing, setPreparing] = useState(false)
  const [prepareError, setPrepareError] = useState<unknown>(null)
  const mutation = useMutation({ mutationFn: submit, onSuccess })

  const refuse = (form: HTMLFormElement, errors: FieldErrors) => {
    setClientErrors(errors)
    focusFirstInvalid(form)
  }

  const check = (form: HTMLFormElement, prepared: unknown) => {
    const checked = validate(schema, prepared)
    if (!checked.ok) return refuse(form, checked.errors)
    setClientErrors({})
    mutation.mutate(checked.data, { onError: () => focusFirstInvalid(form) })
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (preparing || mutation.isPending) return
    const form = event.currentTarget
    const raw = formValues(form)
    mutation.reset()
    setPrepareError(null)
    let prepared: unknown
    try {
      prepared = prepare ? prepare(raw) : raw
    } catch (error) {
      if (error instanceof FieldProblems) return refuse(form, error.errors)
      throw error
    }
    if (!(prepared instanceof Promise)) return check(form, prepared)
    setPreparing(true)
    void prepared
      .then(
        (value) => check(form, value),
        (error: unknown) => {
          if (error instanceof FieldProblems) return refuse(form, error.errors)
          // Not a problem with the input: say what went wrong at the form.
          setClientErrors({})
          setPrepareError(error)
        },
      )
      .finally(() => setPreparing(false))
  }

  const hasClientErrors = Object.keys(clientErrors).length > 0
  const errors: FieldErrors = hasClientErrors ? clientErrors : serverFieldErrors(mutation.error)
  const formError = hasClientErrors
    ? 'Please correct the highlighted fields.'
    : prepareError
      ? errorMessage(prepareError)
      : mutation.error
        ? errorMessage(mutation.error)
        : null
  return { onSubmit, errors, formError, pending: preparing || mutation.isPending, mutation }
}
