import { z } from 'zod'
import { CurrencyCodeSchema } from '../money/currency'
import { EmailSchema } from '../accounts/credentials'

/** A store's web address part: lowercase words joined by single dashes. */
export const StoreSlugSchema = z
  .string({ error: 'Store address is required' })
  .trim()
  .toLowerCase()
  .min(3, 'Store address must be at least 3 characters')
  .max(60, 'Store address must be at most 60 characters')
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'Store address may use lowercase letters, digits and single dashes between words',
  )

export const StoreProfileInput = z.object({
  storeName: z
    .string()
    .trim()
    .min(2, 'Store name must be at least 2 characters')
    .max(80, 'Store name must be at most 80 characters'),
  contactEmail: EmailSchema,
  payoutCurrency: CurrencyCodeSchema,
})

/** What a user fills in to open a store. */
export const OpenStoreInput = StoreProfileInput.extend({ slug: StoreSlugSchema })
export type OpenStoreInput = z.infer<typeof OpenStoreInput>

/** Why an admin suspends a store; its owner reads it. */
export const SuspensionReasonSchema = z
  .string({ error: 'Give a reason' })
  .trim()
  .min(3, 'Give a reason (at least 3 characters)')
  .max(500, 'The reason must be at most 500 characters')

export const SELLER_STATUS_VALUES = ['pending', 'approved', 'suspended'] as const

export const StoreView = z.object({
  id: z.string(),
  storeName: z.string(),
  slug: z.string(),
  contactEmail: z.string(),
  payoutCurrency: z.string(),
  status: z.enum(SELLER_STATUS_VALUES),
  /** Why an admin suspended the store; null unless suspended. */
  suspensionReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
})
export type StoreView = z.infer<typeof StoreView>
