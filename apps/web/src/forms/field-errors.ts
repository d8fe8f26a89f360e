import { TRPCClientError } from '@trpc/client'

/** Problems per form field, as the API's `error.data.fieldErrors` and the shared zod schemas report them. */
export type FieldErrors = Partial<Record<string, string[]>>

interface SchemaLike<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }
}

/** Checks form values with a shared domain schema: the parsed data, or the messages per field. */
export function validate<T>(
  schema: SchemaLike<T>,
  values: unknown,
): { ok: true; data: T } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(values)
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '')
    errors[key] = [...(errors[key] ?? []), issue.message]
  }
  return { ok: false, errors }
}

/** The field errors the API attached to a refusal (bad input), or none. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof TRPCClientError)) return {}
  const data = (error as TRPCClientError<never>).data as { fieldErrors?: unknown } | undefined
  const fieldErrors = data?.fieldErrors
  return fieldErrors && typeof fieldErrors === 'object' ? fieldErrors : {}
}

/** A sentence to show for a failed call: the API's own message, or why it could not be reached. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<never>).data as { fieldErrors?: unknown } | undefined
    if (!data) return 'The Emporium API is not answering. Check your connection and try again.'
    // Input refusals come with per-field messages, shown beside each field.
    if (data.fieldErrors) return 'Please correct the highlighted fields.'
    return error.message
  }
  return error instanceof Error ? error.message : String(error)
}

/** True when the API refused because nobody is signed in. */
export function isUnauthorized(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false
  const data = (error as TRPCClientError<never>).data as { code?: string } | undefined
  return data?.code === 'UNAUTHORIZED'
}
