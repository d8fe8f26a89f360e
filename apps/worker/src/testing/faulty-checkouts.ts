import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { checkBooks, type BooksTally } from '@emporium/db/testing'
import { testGatewayCharges } from '@emporium/infra/testing'
import type { CheckoutInput, CheckoutResult } from '@emporium/workflows'
import {
  checkoutInputFor,
  createCheckoutShopper,
  insertCheckoutCoupon,
  insertCheckoutVariant,
} from './checkout-fixtures'
import type { Fault, FaultRig } from './fault-rig'

/** A fault injected `atMs` after the checkouts start, lasting `ms`. */
export interface ScheduledFault {
  fault: Fault
  atMs: number
  ms: number
}

export interface FaultyCheckoutsOptions {
  checkouts: number
  variants: number
  /** Units of each variant: fewer in all than checkouts, so some sell out. */
  stockPerVariant: number
  /** One coupon shared by a third of the shoppers, redeemable this many times. */
  couponLimit: number
  faults: readonly ScheduledFault[]
  log?: (line: string) => void
}

/**
 * Cards of the run: most succeed, some settle later, some are declined. (No simulated gateway
 * outage here: an outage is retried for the whole patience window, which these runs keep long so
 * that a slow machine does not run out of patience while a charge is still in flight.)
 */
function tokenFor(i: number): string {
  const slot = i % 20
  if (slot < 14) return 'tok_visa'
  if (slot < 17) return 'tok_processing'
  return 'tok_chargeDeclined'
}

async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>) {
  const out: T[] = []
  for (let start = 0; start < count; start += size) {
    const n = Math.min(size, count - start)
    out.push(...(await Promise.all(Array.from({ length: n }, (_, k) => make(start + k)))))
  }
  return out
}

/**
 * Runs `checkouts` concurrent checkouts through the rig's worker while the scheduled faults hit
 * it, waits for every one to finish, then checks the books against the database and the test
 * gateway's own records.
 */
export async function runFaultyCheckouts(rig: FaultRig, options: FaultyCheckoutsOptions) {
  const log = options.log ?? (() => undefined)
  const { db, redis } = rig
  const variants = await inBatches(options.variants, 10, () =>
    insertCheckoutVariant(db, 1_999, options.stockPerVariant),
  )
  const coupon = await insertCheckoutCoupon(db, 500, options.couponLimit)
  const inputs: CheckoutInput[] = await inBatches(options.checkouts, 25, async (i) => {
    const v = variants[i % variants.length]
    if (!v) throw new Error('no variants')
    const shopper = await createCheckoutShopper(db, redis, [{ ...v, quantity: 1 }], {
      couponCodes: i % 3 === 0 ? [coupon.code] : [],
    })
    return checkoutInputFor(shopper, tokenFor(i), {
      paymentTimeoutMs: 120_000,
      paymentPollIntervalMs: 500,
      maxPaymentAttempts: 2,
      paymentRetryBackoffMs: 500,
      paymentMethodWaitMs: 1_000,
      gatewayPatienceMs: 300_000,
    })
  })
  log(`prepared ${inputs.length} shoppers over ${variants.length} variants`)

  const started = performance.now()
  const injected: string[] = []
  const faults = Promise.all(
    options.faults.map(async ({ fault, atMs, ms }) => {
      await sleep(atMs)
      log(`+${Math.round(performance.now() - started)} ms: ${fault} for ${ms} ms`)
      await rig.inject(fault, ms)
      injected.push(fault)
    }),
  )
  let finished = 0
  const progress = setInterval(
    () =>
      log(`+${Math.round(performance.now() - started)} ms: ${finished}/${inputs.length} finished`),
    5_000,
  )
  const results = await Promise.all(
    inputs.map(async (input) => {
      const handle = await rig.start(input)
      const result = (await handle.result()) as CheckoutResult
      finished += 1
      return result
    }),
  ).finally(() => clearInterval(progress))
  await faults
  const durationMs = performance.now() - started

  const orders = await db
    .selectFrom('orders')
    .select('id')
    .where(
      'idempotency_key',
      'in',
      inputs.map((i) => i.idempotencyKey),
    )
    .execute()
  const books = await checkBooks(db, {
    idempotencyKeys: inputs.map((i) => i.idempotencyKey),
    initialStock: new Map(variants.map((v) => [v.variantId, options.stockPerVariant])),
    couponIds: [coupon.id],
    gateway: await testGatewayCharges(
      redis,
      orders.map((o) => o.id),
    ),
  })
  const tally: BooksTally & {
    checkouts: number
    results_paid: number
    results_cancelled: number
    sold_out: number
    coupon_redemptions: number
  } = {
    checkouts: inputs.length,
    results_paid: results.filter((r) => r.status === 'paid').length,
    results_cancelled: results.filter((r) => r.status !== 'paid').length,
    sold_out: results.filter((r) => r.status !== 'paid' && r.failure.code === 'sold_out').length,
    coupon_redemptions: (
      await db
        .selectFrom('coupons')
        .select('times_redeemed')
        .where('id', '=', coupon.id)
        .executeTakeFirstOrThrow()
    ).times_redeemed,
    ...books.tally,
  }
  return { tally, problems: books.problems, injected, durationMs }
}
