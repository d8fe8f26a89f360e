import { TRPCError } from '@trpc/server'
import {
  CategoryPage,
  CategoryTree,
  GetCategoryInput,
  GetProductInput,
  ListProductsInput,
  ProductListing,
  ProductView,
  categorySummary,
  categoryTrail,
  findCategoryById,
} from '@emporium/domain/catalog'
import { AFFINITY_WEIGHTS, recordAffinity } from '@emporium/infra'
import { recordCallerView } from '../recommendations/session-signals'
import { publicProcedure, router } from '../trpc'

/** Shopper browsing: category tree, category pages, listings and product pages (cached). */
export const catalogRouter = router({
  /** The whole category tree. */
  listCategories: publicProcedure
    .output(CategoryTree)
    .query(({ ctx }) => ctx.catalog.getCategoryTree()),

  /** One category with its breadcrumbs and children. */
  getCategory: publicProcedure
    .input(GetCategoryInput)
    .output(CategoryPage)
    .query(async ({ ctx, input }) => {
      const trail = categoryTrail(await ctx.catalog.getCategoryTree(), input.path)
      const category = trail.at(-1)
      if (!category)
        throw new TRPCError({ code: 'NOT_FOUND', message: `There is no category "${input.path}".` })
      return {
        category: categorySummary(category),
        breadcrumbs: trail.map(categorySummary),
        children: category.children.map(categorySummary),
      }
    }),

  /** Products of a category and its sub-categories: filtered, sorted, one keyset page at a time. */
  listProducts: publicProcedure
    .input(ListProductsInput)
    .output(ProductListing)
    .query(async ({ ctx, input }) => {
      if (input.categoryPath !== undefined) {
        const trail = categoryTrail(await ctx.catalog.getCategoryTree(), input.categoryPath)
        if (trail.length === 0)
          throw new TRPCError({
            code: 'NOT_FOUND',
            message: `There is no category "${input.categoryPath}".`,
          })
      }
      return ctx.catalog.listProducts(input)
    }),

  /** A product page by slug or id; drafts, archived products and suspended stores are not found. */
  getProduct: publicProcedure
    .input(GetProductInput)
    .output(ProductView)
    .query(async ({ ctx, input }) => {
      const key = input.id !== undefined ? { id: input.id } : { slug: input.slug ?? '' }
      const detail = await ctx.catalog.getProduct(key, input.currency)
      if (!detail)
        throw new TRPCError({ code: 'NOT_FOUND', message: 'This product is not available.' })
      const { categoryId, ...rest } = detail
      const node =
        categoryId === null
          ? undefined
          : findCategoryById(await ctx.catalog.getCategoryTree(), categoryId)
      const trail = node ? categoryTrail(await ctx.catalog.getCategoryTree(), node.path) : []
      if (ctx.session) {
        const signal = { categoryPath: node?.path ?? null, brand: rest.brand }
        await recordAffinity(ctx.redis, ctx.session.userId, signal, AFFINITY_WEIGHTS.view)
        await recordCallerView(ctx, rest.id)
      }
      return {
        ...rest,
        category: node ? categorySummary(node) : null,
        breadcrumbs: trail.map(categorySummary),
      }
    }),
})
