import { z } from 'zod'

const line = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
const optionalLine = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional()

/** A postal address as a shopper types it. */
export const AddressInput = z.object({
  fullName: line('Full name', 120),
  line1: line('Address line 1', 200),
  line2: optionalLine('Address line 2', 200),
  city: line('City', 100),
  region: optionalLine('Region', 100),
  postalCode: line('Postal code', 20),
  country: z
    .string({ error: 'Country is required' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Country must be a two-letter ISO code, like US or DE'),
  phone: optionalLine('Phone', 30).refine((v) => v == null || /^\+?[0-9 ()-]{5,30}$/.test(v), {
    message: 'Phone may contain digits, spaces, parentheses, dashes and a leading +',
  }),
})
export type AddressInput = z.infer<typeof AddressInput>

/** An address as the API returns it. */
export const AddressView = z.object({
  id: z.string(),
  fullName: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().nullable(),
  isDefault: z.boolean(),
})
export type AddressView = z.infer<typeof AddressView>
