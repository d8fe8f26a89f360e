import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  admit,
  closeFlashSale,
  flashSaleUnits,
  openFlashSale,
  reserveThroughGate,
  resizeFlashSale,
  returnUnits,
} from './flash-sale-gate'
import { createRedis, type Redis } from './redis'
import { testConfig } from './testing'

describe('flash-sale gate (real Redis)', () => {
  let redis: Redis
  const opened: string[] = []
  beforeAll(() => {
    redis = createRedis(testConfig())
  })
  afterAll(async () => {
    await Promise.all(opened.map((v) => closeFlashSale(redis, v)))
    await redis.quit()
  })
  async function sale(units: number) {
    const variantId = randomUUID()
    opened.push(variantId)
    await openFlashSale(redis, variantId, units)
    return variantId
  }

  it('5,000 concurrent admissions on 100 units admit exactly 100; returned units are admitted again', async () => {
    const variantId = await sale(100)
    const attempts = await Promise.all(
      Array.from({ length: 5_000 }, () => admit(redis, variantId, 1)),
    )
    expect(attempts.filter((a) => a.admitted)).toHaveLength(100)
    expect(attempts.filter((a) => !a.admitted && a.reason === 'sold_out')).toHaveLength(4_900)
    expect(await flashSaleUnits(redis, variantId)).toBe(0)

    await returnUnits(redis, variantId, 3)
    const again = await Promise.all(Array.from({ length: 50 }, () => admit(redis, variantId, 1)))
    expect(again.filter((a) => a.admitted)).toHaveLength(3)
    expect(await flashSaleUnits(redis, variantId)).toBe(0)
  })

  it('refuses a quantity larger than what is left without taking any', async () => {
    const variantId = await sale(2)
    expect(await admit(redis, variantId, 3)).toEqual({ admitted: false, reason: 'sold_out' })
    expect(await admit(redis, variantId, 2)).toEqual({ admitted: true, remaining: 0 })
  })

  it('a variant without a sale is not gated, and a closed sale is not reopened by returned units', async () => {
    const variantId = randomUUID()
    expect(await admit(redis, variantId, 1)).toEqual({ admitted: false, reason: 'no_sale' })
    await returnUnits(redis, variantId, 5)
    expect(await flashSaleUnits(redis, variantId)).toBeNull()
  })

  it('resizeFlashSale grows an open gate up to the ceiling, shrinks it to no less than 0, and leaves a closed sale closed', async () => {
    const variantId = await sale(3)
    expect(await resizeFlashSale(redis, variantId, 4, 7)).toBe(7)
    expect(await admit(redis, variantId, 7)).toEqual({ admitted: true, remaining: 0 })
    // Postgres has only 2 more to sell: the gate admits no more than that.
    expect(await resizeFlashSale(redis, variantId, 5, 2)).toBe(2)
    expect(await resizeFlashSale(redis, variantId, -1, 0)).toBe(1)
    expect(await resizeFlashSale(redis, variantId, -5, 0)).toBe(0)
    expect(await admit(redis, variantId, 1)).toEqual({ admitted: false, reason: 'sold_out' })

    const closed = randomUUID()
    expect(await resizeFlashSale(redis, closed, 4, 10)).toBeNull()
    expect(await flashSaleUnits(redis, closed)).toBeNull()
  })

  it('reserveThroughGate: sold out at the gate never calls the database; failed reserves give units back', async () => {
    const variantId = await sale(1)
    let calls = 0
    const refused = await reserveThroughGate(redis, [{ variantId, quantity: 1 }], () => {
      calls += 1
      return Promise.resolve({ ok: false as const })
    })
    expect(refused.ok).toBe(false)
    expect(calls).toBe(1)
    expect(await flashSaleUnits(redis, variantId)).toBe(1)

    await expect(
      reserveThroughGate(redis, [{ variantId, quantity: 1 }], () =>
        Promise.reject(new Error('db down')),
      ),
    ).rejects.toThrow('db down')
    expect(await flashSaleUnits(redis, variantId)).toBe(1)

    const won = await reserveThroughGate(redis, [{ variantId, quantity: 1 }], () => {
      calls += 1
      return Promise.resolve({ ok: true as const, created: true })
    })
    expect(won).toEqual({ ok: true, created: true })
    const late = await reserveThroughGate(redis, [{ variantId, quantity: 1 }], () => {
      calls += 1
      return Promise.resolve({ ok: true as const, created: true })
    })
    expect(late).toMatchObject({ ok: false, code: 'SOLD_OUT', soldOut: [variantId] })
    expect(calls).toBe(2)
  })
})
