import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type Db } from '../client'
import {
  createTestDb,
  insertTestStock,
  insertTestVariant,
  insertTestWarehouse,
  TEST_DATABASE_URL,
} from '../testing'
import { commitReservation, expireReservations, releaseReservation } from './reservation-lifecycle'
import { reserveStock } from './reserve-stock'

const HOUR = 3_600_000
const later = () => new Date(Date.now() + HOUR)

async function levelsOf(db: Db, variantId: string) {
  return db
    .selectFrom('inventory_levels')
    .select(['warehouse_id', 'on_hand', 'reserved'])
    .where('variant_id', '=', variantId)
    .orderBy('warehouse_id')
    .execute()
}

describe('reserveStock under concurrency (real Postgres)', () => {
  let db: Db
  let pool: Db // wide pool, so checkouts really do run at once

  beforeAll(async () => {
    db = await createTestDb()
    pool = createDb(process.env.DATABASE_URL ?? TEST_DATABASE_URL, 30)
  })
  afterAll(async () => {
    await pool.destroy()
    await db.destroy()
  })

  it('200 checkouts race for 10 units: exactly 10 win, never oversold, all 10 come back', async () => {
    const { variantId, sku } = await insertTestVariant(db)
    const warehouse = await insertTestWarehouse(db)
    await insertTestStock(db, variantId, warehouse, 10)

    let racing = true
    const samples: { on_hand: number; reserved: number }[] = []
    const sampler = (async () => {
      while (racing) samples.push(...(await levelsOf(db, variantId)))
    })()
    const owners = Array.from({ length: 200 }, () => `race-${randomUUID()}`)
    const past = new Date(Date.now() - 1_000)
    const results = await Promise.all(
      owners.map((ownerKey, i) =>
        reserveStock(pool, {
          ownerKey,
          lines: [{ variantId, quantity: 1 }],
          shippingRegion: 'EU',
          // Half of them expire at once, the other half are released by hand below.
          expiresAt: i % 2 === 0 ? past : later(),
        }),
      ),
    )
    racing = false
    await sampler

    const winners = owners.filter((_, i) => results[i]?.ok)
    expect(winners).toHaveLength(10)
    const refusal = results.find((r) => !r.ok)
    expect(refusal).toMatchObject({
      ok: false,
      code: 'SOLD_OUT',
      shortages: [{ variantId, sku, requested: 1, available: 0, short: 1 }],
    })
    expect(samples.length).toBeGreaterThan(0)
    expect(samples.every((s) => s.reserved <= s.on_hand)).toBe(true)
    expect(await levelsOf(db, variantId)).toEqual([
      { warehouse_id: warehouse, on_hand: 10, reserved: 10 },
    ])
    // Losers left nothing behind.
    const rows = await db
      .selectFrom('reservations')
      .select('owner_key')
      .where('variant_id', '=', variantId)
      .execute()
    expect(rows.map((r) => r.owner_key).sort()).toEqual([...winners].sort())

    const byHand = winners.filter((o) => owners.indexOf(o) % 2 === 1)
    for (const owner of byHand) await releaseReservation(db, owner)
    // A parallel expirer (another test file) may take some of ours first; either way they come back.
    for (let i = 0; i < 20; i += 1) {
      if ((await expireReservations(db, new Date(), 500)).length === 0) break
    }
    expect(await levelsOf(db, variantId)).toEqual([
      { warehouse_id: warehouse, on_hand: 10, reserved: 0 },
    ])
    const statuses = await db
      .selectFrom('reservations')
      .select(['owner_key', 'status'])
      .where('variant_id', '=', variantId)
      .execute()
    expect(statuses.filter((s) => s.status === 'expired')).toHaveLength(10 - byHand.length)
    expect(statuses.filter((s) => s.status === 'released')).toHaveLength(byHand.length)
  })

  it('multi-SKU carts in random order: no deadlock, no oversell, every unit accounted for', async () => {
    const skus = await Promise.all(Array.from({ length: 5 }, () => insertTestVariant(db)))
    const near = await insertTestWarehouse(db, 'EU')
    const far = await insertTestWarehouse(db, 'US')
    for (const { variantId } of skus) {
      await insertTestStock(db, variantId, near, 8)
      await insertTestStock(db, variantId, far, 7)
    }
    const shuffle = <T>(items: T[]) => {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i -= 1) {
        const j = Math.floor(Math.random() * (i + 1))
        ;[out[i], out[j]] = [out[j]!, out[i]!]
      }
      return out
    }
    const carts = Array.from({ length: 150 }, () => ({
      ownerKey: `cart-${randomUUID()}`,
      lines: shuffle(skus)
        .slice(0, 2 + Math.floor(Math.random() * 3))
        .map((s) => ({ variantId: s.variantId, quantity: 1 + Math.floor(Math.random() * 3) })),
    }))
    // Any error (a deadlock is 40P01) fails Promise.all, and so the test.
    const results = await Promise.all(
      carts.map((c) => reserveStock(pool, { ...c, shippingRegion: 'EU', expiresAt: later() })),
    )
    const won = carts.filter((_, i) => results[i]?.ok)
    expect(won.length).toBeGreaterThan(0)
    expect(won.length).toBeLessThan(carts.length)
    for (const { variantId } of skus) {
      const wanted = won
        .flatMap((c) => c.lines)
        .filter((l) => l.variantId === variantId)
        .reduce((a, l) => a + l.quantity, 0)
      const levels = await levelsOf(db, variantId)
      expect(levels.every((l) => l.reserved <= l.on_hand)).toBe(true)
      expect(levels.reduce((a, l) => a + l.reserved, 0)).toBe(wanted)
    }
    await Promise.all(won.map((c) => releaseReservation(pool, c.ownerKey)))
    for (const { variantId } of skus) {
      expect((await levelsOf(db, variantId)).map((l) => l.reserved)).toEqual([0, 0])
    }
  })
})

describe('reservation lifecycle (real Postgres)', () => {
  let db: Db
  beforeAll(async () => {
    db = await createTestDb()
  })
  afterAll(async () => {
    await db.destroy()
  })

  async function stocked(onHand: number) {
    const { variantId } = await insertTestVariant(db)
    const warehouse = await insertTestWarehouse(db)
    await insertTestStock(db, variantId, warehouse, onHand)
    return { variantId, warehouse }
  }

  it('a retried reserve returns the first reservation and reserves nothing more', async () => {
    const { variantId, warehouse } = await stocked(5)
    const input = {
      ownerKey: `owner-${randomUUID()}`,
      lines: [{ variantId, quantity: 2 }],
      shippingRegion: 'EU',
      expiresAt: later(),
    }
    const first = await reserveStock(db, input)
    const again = await reserveStock(db, input)
    expect(first).toMatchObject({ ok: true, created: true })
    expect(again).toMatchObject({ ok: true, created: false })
    if (!first.ok || !again.ok) return
    expect(again.reservations).toEqual(first.reservations)
    expect(first.reservations).toMatchObject([
      { variantId, warehouseId: warehouse, quantity: 2, status: 'active' },
    ])
    expect(await levelsOf(db, variantId)).toEqual([
      { warehouse_id: warehouse, on_hand: 5, reserved: 2 },
    ])
  })

  it('ships from one warehouse that holds the whole order, else splits nearest first', async () => {
    const { variantId } = await insertTestVariant(db)
    const eu = await insertTestWarehouse(db, 'EU')
    const us = await insertTestWarehouse(db, 'US')
    await insertTestStock(db, variantId, eu, 3)
    await insertTestStock(db, variantId, us, 6)
    const reserve = async (quantity: number) => {
      const result = await reserveStock(db, {
        ownerKey: `owner-${randomUUID()}`,
        lines: [{ variantId, quantity }],
        shippingRegion: 'EU',
        expiresAt: later(),
      })
      return result.ok ? result.reservations.map((r) => [r.warehouseId, r.quantity]) : result
    }
    // US holds all 5: one shipment beats a nearer split.
    expect(await reserve(5)).toEqual([[us, 5]])
    // Now only 1 left in US: the nearest warehouse first, the rest from the other.
    expect(await reserve(4)).toEqual([
      [eu, 3],
      [us, 1],
    ])
    expect(await levelsOf(db, variantId)).toEqual([
      { warehouse_id: eu, on_hand: 3, reserved: 3 },
      { warehouse_id: us, on_hand: 6, reserved: 6 },
    ])
  })

  it('knows nearness from the warehouses’ countries: the shipping country’s continent first', async () => {
    // Labelled like the demo warehouses: the region says nothing, the country does.
    const warehouse = async (region: string, country: string) =>
      (
        await db
          .insertInto('warehouses')
          .values({ code: `WH-${randomUUID()}`, name: region, region, country })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const east = await warehouse('us-east', 'US')
    const leipzig = await warehouse('eu-central', 'DE')
    const reserve = async (quantity: number, shippingRegion: string) => {
      const { variantId } = await insertTestVariant(db)
      await insertTestStock(db, variantId, east, 10)
      await insertTestStock(db, variantId, leipzig, 3)
      const result = await reserveStock(db, {
        ownerKey: `owner-${randomUUID()}`,
        lines: [{ variantId, quantity }],
        shippingRegion,
        expiresAt: later(),
      })
      return result.ok ? result.reservations.map((r) => [r.warehouseId, r.quantity]) : result
    }
    // Both could ship it whole: the one in Europe ships to Germany, the American one to New York.
    expect(await reserve(2, 'DE')).toEqual([[leipzig, 2]])
    expect(await reserve(2, 'US-NY')).toEqual([[east, 2]])
    // Split to France: all of Leipzig's first, the rest from across the ocean.
    expect(await reserve(12, 'FR')).toEqual([
      [east, 9],
      [leipzig, 3],
    ])
  })

  it('sold out on one SKU of a cart reserves nothing of the others', async () => {
    const a = await stocked(5)
    const b = await stocked(1)
    const result = await reserveStock(db, {
      ownerKey: `owner-${randomUUID()}`,
      lines: [
        { variantId: a.variantId, quantity: 2 },
        { variantId: b.variantId, quantity: 2 },
      ],
      shippingRegion: 'EU',
      expiresAt: later(),
    })
    expect(result).toMatchObject({
      ok: false,
      code: 'SOLD_OUT',
      shortages: [{ variantId: b.variantId, short: 1 }],
    })
    expect(await levelsOf(db, a.variantId)).toEqual([
      { warehouse_id: a.warehouse, on_hand: 5, reserved: 0 },
    ])
  })

  it('commit ships the units once; release after commit and a second commit change nothing', async () => {
    const { variantId, warehouse } = await stocked(5)
    const ownerKey = `owner-${randomUUID()}`
    await reserveStock(db, {
      ownerKey,
      lines: [{ variantId, quantity: 3 }],
      shippingRegion: 'EU',
      expiresAt: later(),
    })
    const committed = await commitReservation(db, ownerKey)
    expect(committed.outcome).toBe('committed')
    expect(committed.lines.map((l) => l.quantity)).toEqual([3])
    expect(await commitReservation(db, ownerKey)).toEqual({
      outcome: 'already_committed',
      lines: [],
    })
    expect(await releaseReservation(db, ownerKey)).toEqual([])
    expect(await levelsOf(db, variantId)).toEqual([
      { warehouse_id: warehouse, on_hand: 2, reserved: 0 },
    ])
    const moves = await db
      .selectFrom('stock_movements')
      .select(['reason', 'on_hand_delta', 'reserved_delta'])
      .where('variant_id', '=', variantId)
      .orderBy('id')
      .execute()
    expect(moves).toEqual([
      { reason: 'reserve', on_hand_delta: 0, reserved_delta: 3 },
      { reason: 'commit', on_hand_delta: -3, reserved_delta: -3 },
    ])
  })

  it('release is idempotent and tolerates an owner with nothing reserved', async () => {
    const { variantId, warehouse } = await stocked(4)
    const ownerKey = `owner-${randomUUID()}`
    await reserveStock(db, {
      ownerKey,
      lines: [{ variantId, quantity: 4 }],
      shippingRegion: 'EU',
      expiresAt: later(),
    })
    expect((await releaseReservation(db, ownerKey)).map((r) => r.quantity)).toEqual([4])
    expect(await releaseReservation(db, ownerKey)).toEqual([])
    expect(await releaseReservation(db, `nobody-${randomUUID()}`)).toEqual([])
    expect(await commitReservation(db, ownerKey)).toEqual({ outcome: 'nothing_active', lines: [] })
    expect(await levelsOf(db, variantId)).toEqual([
      { warehouse_id: warehouse, on_hand: 4, reserved: 0 },
    ])
  })
})
