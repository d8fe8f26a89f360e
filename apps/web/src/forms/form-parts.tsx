import { useId, type InputHTMLAttributes, type ReactNode } from 'react'

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string
  name: string
  errors?: string[] | undefined
  hint?: ReactNode
}

/** A labelled input whose problems are announced with it (aria-invalid + aria-describedby). */
export function Field({ label, name, errors, hint, ...input }: FieldProps) {
  const id = useId()
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const invalid = Boolean(errors?.length)
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ')
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <p id={errorId} className="field__error">
          {errors?.join(' ')}
        </p>
      ) : null}
    </div>
  )
}

/** The form-level message area: always in the page so screen readers announce what appears in it. */
export function FormMessage({
  error,
  success,
}: {
  error?: string | null
  success?: string | null
}) {
  return (
    <div aria-live="assertive" aria-atomic="true">
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : success ? (
        <p className="form-success" role="status">
          {success}
        </p>
      ) : null}
    </div>
  )
}

/** A submit button that says what it is doing while the request runs. */
export function SubmitButton({
  pending,
  children,
  pendingText,
  disabled = false,
}: {
  pending: boolean
  children: ReactNode
  pendingText: string
  /** Not usable for another reason than a running request (e.g. no card form). */
  disabled?: boolean
}) {
  return (
    <button type="submit" disabled={pending || disabled} aria-busy={pending || undefined}>
      {pending ? pendingText : children}
    </button>
  )
}
