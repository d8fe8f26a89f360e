import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  createAddress,
  deleteAddress,
  findUserById,
  listAddresses,
  setDefaultAddress,
  updateAddress,
  updateDisplayName,
  type Address,
} from '@emporium/db'
import { AddressInput, AddressView, DisplayNameSchema } from '@emporium/domain/accounts'
import { authedProcedure, router } from '../trpc'

const toView = (a: Address): AddressView => ({
  id: a.id,
  fullName: a.full_name,
  line1: a.line1,
  line2: a.line2,
  city: a.city,
  region: a.region,
  postalCode: a.postal_code,
  country: a.country,
  phone: a.phone,
  isDefault: a.is_default,
})

const AddressId = z.object({ id: z.uuid('Unknown address') })
const notFound = () =>
  new TRPCError({ code: 'NOT_FOUND', message: 'No such address in your address book.' })

const ProfileView = z.object({
  email: z.string(),
  displayName: z.string().nullable(),
  emailVerified: z.boolean(),
})

export const accountRouter = router({
  /** The signed-in user's profile. */
  getProfile: authedProcedure.output(ProfileView).query(async ({ ctx }) => {
    const user = await findUserById(ctx.db, ctx.session.userId)
    if (!user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' })
    return {
      email: user.email,
      displayName: user.display_name,
      emailVerified: user.email_verified_at !== null,
    }
  }),

  /** Changes the display name. */
  updateProfile: authedProcedure
    .input(z.object({ displayName: DisplayNameSchema.nullable() }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await updateDisplayName(ctx.db, ctx.session.userId, input.displayName)
      return { ok: true as const }
    }),

  /** The address book, default first. */
  listAddresses: authedProcedure.output(z.array(AddressView)).query(async ({ ctx }) => {
    return (await listAddresses(ctx.db, ctx.pii, ctx.session.userId)).map(toView)
  }),

  /** Adds an address; the first one becomes the default. */
  createAddress: authedProcedure
    .input(AddressInput.extend({ makeDefault: z.boolean().default(false) }))
    .output(AddressView)
    .mutation(async ({ ctx, input }) =>
      toView(await createAddress(ctx.db, ctx.pii, ctx.session.userId, input, input.makeDefault)),
    ),

  /** Edits one of the caller's addresses. */
  updateAddress: authedProcedure
    .input(AddressInput.extend(AddressId.shape))
    .output(AddressView)
    .mutation(async ({ ctx, input }) => {
      const updated = await updateAddress(ctx.db, ctx.pii, ctx.session.userId, input.id, input)
      if (!updated) throw notFound()
      return toView(updated)
    }),

  /** Deletes one of the caller's addresses (a new default is chosen when the default goes). */
  deleteAddress: authedProcedure
    .input(AddressId)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await deleteAddress(ctx.db, ctx.session.userId, input.id))) throw notFound()
      return { ok: true as const }
    }),

  /** Makes one of the caller's addresses the default. */
  setDefaultAddress: authedProcedure
    .input(AddressId)
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await setDefaultAddress(ctx.db, ctx.session.userId, input.id))) throw notFound()
      return { ok: true as const }
    }),
})
