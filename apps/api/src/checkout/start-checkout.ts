import { buildCartView, DEFAULT_CART_SETTINGS } from '@emporium/cart'
import { findOrderByIdempotencyKey, listAddresses } from '@emporium/db'
import { format, parseCurrency } from '@emporium/domain'
import {
  checkoutWorkflowId,
  CUSTOMER_ID_ATTRIBUTE,
  WORKFLOW_TYPES,
  type CheckoutInput,
} from '@emporium/workflows'
import type { checkoutWorkflow } from '@emporium/workflows/workflows'
import { TRPCError } from '@trpc/server'
import { loadCallerCart } from '../cart/cart-identity'
import type { Context } from '../context'
import { temporalClientOf } from './temporal-client'

/** How long a used Idempotency-Key keeps naming its checkout. */
const IDEMPOTENCY_TTL_S = 7 * 24 * 60 * 60

/** A checkout as the API names it: the workflow and the run that key started. */
export interface CheckoutHandleRef {
  checkoutId: string
  runId: string | null
}

/** The checkout's one-line summary in the Temporal UI: `Checkout of cart <id>: 2 lines, $52.00, customer <id>`. */
export function checkoutSummary(
  cartId: string,
  userId: string,
  lines: number,
  total: { amount: number; currency: string },
): string {
  const money = format({ amount: total.amount, currency: parseCurrency(total.currency) })
  return `Checkout of cart ${cartId}: ${String(lines)} line${lines === 1 ? '' : 's'}, ${money}, customer ${userId}`
}

const idempotencyRedisKey = (userId: string, key: string) => `checkout-idempotency:${userId}:${key}`

async function recall(ctx: Context, redisKey: string): Promise<CheckoutHandleRef | null> {
  const stored = await ctx.redis.get(redisKey)
  if (stored === null) return null
  return JSON.parse(stored) as CheckoutHandleRef
}

/**
 * Starts the checkout of the caller's cart, exactly once per Idempotency-Key: the first request
 * claims the key in Redis (SET NX) and starts `checkout:<cartId>`; every retry with the key — even
 * 20 at once, or after the claim expired, through the order the key created — gets that same
 * checkout back. A second submit of the same cart with another key
 * joins the running checkout (the workflow id is the cart's), so a cart is never checked out twice.
 */
export async function startCheckout(
  ctx: Context & { session: NonNullable<Context['session']> },
  input: {
    shippingAddressId: string
    billingAddressId?: string
    paymentMethodToken: string
    idempotencyKey: string
  },
): Promise<CheckoutHandleRef> {
  const userId = ctx.session.userId
  const redisKey = idempotencyRedisKey(userId, input.idempotencyKey)
  const known = await recall(ctx, redisKey)
  if (known) return known
  // The claim may be gone (expired, or Redis lost it) while the order stands: the key still
  // names that order's checkout, and a key another shopper used is never theirs to follow.
  const placed = await findOrderByIdempotencyKey(ctx.db, input.idempotencyKey)
  if (placed) {
    if (placed.userId !== userId || placed.checkoutWorkflowId === null) {
      throw new TRPCError({
        code: 'CONFLICT',
        message:
          'This Idempotency-Key was already used for another order; send a new key to place a new order.',
      })
    }
    return { checkoutId: placed.checkoutWorkflowId, runId: null }
  }

  const cart = await loadCallerCart(ctx, DEFAULT_CART_SETTINGS)
  if (!cart || cart.lines.length === 0) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Your cart is empty.' })
  }
  const view = await buildCartView(ctx.db, cart, new Date())
  if (!view.checkout.ready) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: view.checkout.blockers.join(' ') || 'Your cart cannot be checked out yet.',
    })
  }
  const addresses = await listAddresses(ctx.db, ctx.pii, userId)
  if (!addresses.some((a) => a.id === input.shippingAddressId)) {
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: 'That shipping address is not in your address book.',
    })
  }
  if (input.billingAddressId && !addresses.some((a) => a.id === input.billingAddressId)) {
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: 'That billing address is not in your address book.',
    })
  }

  const checkoutId = checkoutWorkflowId(cart.meta.id)
  const claimed = await ctx.redis.set(
    redisKey,
    JSON.stringify({ checkoutId, runId: null } satisfies CheckoutHandleRef),
    'EX',
    IDEMPOTENCY_TTL_S,
    'NX',
  )
  // Another request with this key won the claim a moment ago: theirs is the checkout.
  if (claimed === null) return (await recall(ctx, redisKey)) ?? { checkoutId, runId: null }

  const workflowInput: CheckoutInput = {
    cartId: cart.meta.id,
    userId,
    idempotencyKey: input.idempotencyKey,
    shippingAddressId: input.shippingAddressId,
    paymentMethodToken: input.paymentMethodToken,
    requestId: ctx.requestId,
    // The caller's IP (X-Forwarded-For only behind our own proxy), for fraud screening.
    clientIp: ctx.ip,
    ...(input.billingAddressId ? { billingAddressId: input.billingAddressId } : {}),
  }
  try {
    const client = await temporalClientOf(ctx)
    const handle = await client.workflow.start<typeof checkoutWorkflow>(WORKFLOW_TYPES.checkout, {
      taskQueue: ctx.config.TEMPORAL_TASK_QUEUE,
      workflowId: checkoutId,
      args: [workflowInput],
      workflowIdConflictPolicy: 'USE_EXISTING',
      typedSearchAttributes: [{ key: CUSTOMER_ID_ATTRIBUTE, value: userId }],
      staticSummary: checkoutSummary(
        cart.meta.id,
        userId,
        view.lines.length,
        view.totals.grandTotal,
      ),
    })
    const ref: CheckoutHandleRef = { checkoutId, runId: handle.firstExecutionRunId }
    await ctx.redis.set(redisKey, JSON.stringify(ref), 'EX', IDEMPOTENCY_TTL_S)
    return ref
  } catch (error) {
    // Nothing started: free the key so the shopper's retry can start the checkout.
    await ctx.redis.del(redisKey)
    throw error
  }
}
