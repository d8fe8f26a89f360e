import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startFaultRig, type FaultRig } from './testing/fault-rig'
import { runFaultyCheckouts } from './testing/faulty-checkouts'
import { testWorkflowBundle, uniqueTaskQueue } from './testing/temporal'

// Toxiproxy between a checkout worker process and Postgres, Redis, the payment gateway (the test
// gateway's own store) and Temporal. The long run is `npm run bench -- faults`; this is its short version.
describe('checkouts under injected faults keep the books balanced', () => {
  let rig: FaultRig
  const logs: string[] = []
  beforeAll(async () => {
    rig = await startFaultRig({
      taskQueue: uniqueTaskQueue('checkout-faults'),
      bundleCode: (await testWorkflowBundle()).code,
      log: (line) => logs.push(line),
    })
    await rig.startWorker()
  }, 60_000)
  afterAll(async () => {
    await rig?.stop()
  })
  afterEach((context) => {
    // The worker's and the run's log lines explain a failure.
    if (context.task.result?.state === 'fail') console.log(logs.join('\n'))
  })

  it('60 checkouts through Postgres latency, a Redis cut, gateway connection resets and a Postgres outage: each order paid once or cancelled uncharged, no stock or coupon lost', async () => {
    const run = await runFaultyCheckouts(rig, {
      checkouts: 60,
      variants: 6,
      stockPerVariant: 9,
      couponLimit: 6,
      faults: [
        { fault: 'postgres_latency', atMs: 0, ms: 2_000 },
        { fault: 'redis_cut', atMs: 1_000, ms: 2_000 },
        { fault: 'gateway_reset', atMs: 2_000, ms: 2_000 },
        { fault: 'postgres_cut', atMs: 4_000, ms: 2_000 },
      ],
      log: (line) => logs.push(line),
    })
    const { tally } = run
    expect(run.problems).toEqual([])
    expect(run.injected.sort()).toEqual([
      'gateway_reset',
      'postgres_cut',
      'postgres_latency',
      'redis_cut',
    ])
    expect(rig.stats()).toEqual({ unexpectedExits: 0, kills: 0 })
    expect(tally).toMatchObject({
      checkouts: 60,
      unsettled_orders: 0,
      double_charges: 0,
      missing_charges: 0,
      unrefunded_cancelled_charges: 0,
      oversold_units: 0,
      stock_not_settled: 0,
      stock_unreconciled: 0,
      coupons_over_limit: 0,
      leftover_reservations: 0,
    })
    // Every finished checkout agrees with the books: one charge per paid order, none elsewhere.
    expect(tally.paid).toBe(tally.results_paid)
    expect(tally.charges).toBe(tally.paid)
    expect(tally.paid + tally.cancelled).toBe(tally.orders)
    // 54 units for 60 shoppers, some cards declined: some paid, none beyond the stock.
    expect(tally.paid).toBeGreaterThan(0)
    expect(tally.paid).toBeLessThanOrEqual(54)
    expect(tally.coupon_redemptions).toBeLessThanOrEqual(6)
  }, 300_000)
})
