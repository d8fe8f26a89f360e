import { z } from 'zod'

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 256

/**
 * An email address, trimmed and lower-cased. Only ASCII is accepted: look-alike letters from other
 * scripts ("аdmin" with a Cyrillic а) would otherwise make a second account that reads the same.
 */
export const EmailSchema = z
  .string({ error: 'Email is required' })
  .trim()
  .min(1, 'Email is required')
  .max(254, 'Email must be at most 254 characters')
  .refine((value) => /^[\x21-\x7e]+$/.test(value), {
    message:
      'Email may only contain plain ASCII letters, digits and symbols (no spaces or look-alike letters)',
  })
  .transform((value) => value.toLowerCase())
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com' }))

/** A new password: long enough to resist guessing, bounded so hashing cannot be abused. */
export const NewPasswordSchema = z
  .string({ error: 'Password is required' })
  .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`)
  .refine((value) => value.trim().length >= PASSWORD_MIN_LENGTH, {
    message: `Password must contain at least ${PASSWORD_MIN_LENGTH} non-space characters`,
  })

/** A password typed at sign-in: only bounded, never judged (old passwords may predate the rules). */
export const PasswordInputSchema = z
  .string({ error: 'Password is required' })
  .min(1, 'Password is required')
  .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`)

export const DisplayNameSchema = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(100, 'Name must be at most 100 characters')

export const RegisterInput = z.object({
  email: EmailSchema,
  password: NewPasswordSchema,
  displayName: DisplayNameSchema.optional(),
})
export type RegisterInput = z.infer<typeof RegisterInput>

export const LoginInput = z.object({ email: EmailSchema, password: PasswordInputSchema })
export type LoginInput = z.infer<typeof LoginInput>
