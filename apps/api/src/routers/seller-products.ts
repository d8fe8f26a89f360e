import { randomUUID } from 'node:crypto'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import {
  changeProductStatus,
  createProduct,
  findSellerProduct,
  listSellerProducts,
  updateProduct,
  type Db,
} from '@emporium/db'
import {
  canTransitionProduct,
  invalidProductTransition,
  ProductFields,
  ProductInput,
  ProductStatusSchema,
  productSlug,
  publishProblems,
  SellerProductSummary,
  SellerProductView,
  checkProductFields,
  type ProductStatus,
} from '@emporium/domain/catalog'
import {
  knownWriteProblem,
  prepareProductWrite,
  throwWriteProblem,
} from '../seller-catalog/prepare-product'
import { currentCategoryId, invalidateProducts } from '../seller-catalog/invalidate-caches'
import { toSellerProductSummary, toSellerProductView } from '../seller-catalog/seller-product-view'
import type { Context } from '../context'
import { router, sellerProcedure } from '../trpc'
import { createdAtPage, decodeCursor } from '../pagination/created-at-cursor'

const ProductId = z.object({ productId: z.uuid('No such product') })
const UpdateProductInput = ProductFields.extend({
  productId: z.uuid('No such product'),
}).superRefine(checkProductFields)
// Same words for "does not exist" and "another seller's": a seller learns nothing about other stores.
const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such product.' })

async function loadView(db: Db, sellerId: string, productId: string): Promise<SellerProductView> {
  const details = await findSellerProduct(db, sellerId, productId)
  if (!details) throw notFound()
  return toSellerProductView(details)
}

/** Rethrows a database refusal the seller can fix (a taken SKU) as CONFLICT, anything else as is. */
function rethrowWrite(error: unknown): never {
  const problem = knownWriteProblem(error)
  if (problem) throwWriteProblem(problem, error)
  throw error
}

async function moveProduct(ctx: Context, sellerId: string, productId: string, to: ProductStatus) {
  const { db } = ctx
  const updated = await changeProductStatus(
    db,
    { sellerId, productId, to },
    ({ product, variants }) => {
      if (!canTransitionProduct(product.status, to))
        throw new TRPCError({
          code: 'CONFLICT',
          message: `${invalidProductTransition(product.status, to).message}.`,
        })
      const problems = to === 'active' ? publishProblems(variants) : []
      if (problems.length > 0)
        throw new TRPCError({ code: 'BAD_REQUEST', message: `${problems.join('. ')}.` })
    },
  )
  if (!updated) throw notFound()
  await invalidateProducts(ctx, [productId])
  return loadView(db, sellerId, productId)
}

/** A seller's own products: every query is scoped by `ctx.seller.id`. */
export const sellerProductsRouter = router({
  /** Creates a draft product with its variants (one per option combination) and prices. */
  createProduct: sellerProcedure
    .input(ProductInput)
    .output(SellerProductView)
    .mutation(async ({ ctx, input }) => {
      const id = randomUUID()
      const prepared = await prepareProductWrite(ctx.db, id, input)
      if (!prepared.ok) throwWriteProblem(prepared.problem)
      await createProduct(ctx.db, {
        id,
        sellerId: ctx.seller.id,
        slug: productSlug(input.name, id),
        status: 'draft',
        product: prepared.write,
      }).catch(rethrowWrite)
      await invalidateProducts(ctx, [id])
      return loadView(ctx.db, ctx.seller.id, id)
    }),

  /** Replaces a product's details, options, variants (kept by SKU) and prices; not when archived. */
  updateProduct: sellerProcedure
    .input(UpdateProductInput)
    .output(SellerProductView)
    .mutation(async ({ ctx, input }) => {
      const { productId, ...product } = input
      const previousCategory = await currentCategoryId(ctx.db, productId)
      const prepared = await prepareProductWrite(ctx.db, productId, product)
      if (!prepared.ok) throwWriteProblem(prepared.problem)
      const updated = await updateProduct(
        ctx.db,
        { sellerId: ctx.seller.id, productId, product: prepared.write },
        (current) => {
          if (current.status === 'archived')
            throw new TRPCError({
              code: 'CONFLICT',
              message: 'An archived product cannot be edited. Restore it to draft first.',
            })
        },
      ).catch(rethrowWrite)
      if (!updated) throw notFound()
      await invalidateProducts(ctx, [productId], [previousCategory])
      return loadView(ctx.db, ctx.seller.id, productId)
    }),

  /** Puts a draft on sale; every variant needs a price. */
  publishProduct: sellerProcedure
    .input(ProductId)
    .output(SellerProductView)
    .mutation(({ ctx, input }) => moveProduct(ctx, ctx.seller.id, input.productId, 'active')),

  /** Takes a product off sale (draft or active); orders keep what was bought. */
  archiveProduct: sellerProcedure
    .input(ProductId)
    .output(SellerProductView)
    .mutation(({ ctx, input }) => moveProduct(ctx, ctx.seller.id, input.productId, 'archived')),

  /** Brings an archived product back as a draft, to edit and publish again. */
  restoreProduct: sellerProcedure
    .input(ProductId)
    .output(SellerProductView)
    .mutation(({ ctx, input }) => moveProduct(ctx, ctx.seller.id, input.productId, 'draft')),

  /** One of the seller's own products in any status, drafts included. */
  getProduct: sellerProcedure
    .input(ProductId)
    .output(SellerProductView)
    .query(({ ctx, input }) => loadView(ctx.db, ctx.seller.id, input.productId)),

  /** The seller's own products, optionally by status, newest first, a page at a time. */
  listProducts: sellerProcedure
    .input(
      z.object({
        status: ProductStatusSchema.optional(),
        cursor: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(100).default(20),
      }),
    )
    .output(z.object({ items: z.array(SellerProductSummary), nextCursor: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const rows = await listSellerProducts(ctx.db, ctx.seller.id, {
        status: input.status,
        after: input.cursor ? decodeCursor(input.cursor) : undefined,
        limit: input.limit + 1,
      })
      return createdAtPage(rows, input.limit, toSellerProductSummary)
    }),
})
