import { randomUUID } from 'node:crypto'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { startApiServer, type RunningApi } from '@emporium/api'
import { createTestSeller, createTestUser, insertPaidOrder } from '@emporium/api/testing'
import { insertTestWarehouse } from '@emporium/db/testing'
import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from './emporium-seller'

describe('emporium-seller against the real API', () => {
  let api: RunningApi
  let configDir: string

  beforeAll(async () => {
    api = await startApiServer({ config: testConfig(), port: 0, rateLimitNamespace: randomUUID() })
    configDir = await mkdtemp(join(tmpdir(), 'emporium-seller-'))
  })
  afterAll(async () => {
    await api.close()
    await rm(configDir, { recursive: true, force: true })
  })

  /** Runs one command; returns its exit code, stdout lines and stderr text. */
  async function cli(...argv: string[]) {
    const out: string[] = []
    const err = new PassThrough()
    let errText = ''
    err.on('data', (chunk: Buffer) => (errText += chunk.toString()))
    const code = await run(argv, {
      out: (line) => out.push(line),
      err,
      env: { EMPORIUM_CONFIG_DIR: configDir, EMPORIUM_API_URL: api.url },
    })
    return { code, out, err: errText }
  }

  it('signs in, imports products, adjusts stock once per key, lists and ships an order', async () => {
    const { user, seller } = await createTestSeller(api.deps.db)
    expect((await cli('orders')).err).toContain('Not signed in')

    const login = await cli('login', '--email', user.email, '--password', user.password)
    expect(login.code).toBe(0)
    expect(login.out).toEqual([
      `Signed in as ${user.email} — store "${seller.store_name}" (approved).`,
    ])
    expect((await stat(join(configDir, 'seller.json'))).mode & 0o777).toBe(0o600)

    const u = randomUUID().slice(0, 8).toUpperCase()
    const csv = join(configDir, 'products.csv')
    await writeFile(
      csv,
      ['name,sku_prefix,price_USD,status', `Lamp,L${u},12.50,active`, `Chair,C${u},1.999,`].join(
        '\n',
      ),
    )
    const imported = await cli('import', csv)
    expect(imported.code).toBe(0)
    expect(imported.out).toEqual([
      'Imported 1 of 2 rows; 1 failed.',
      '  row 2 (price_USD): USD allows at most 2 decimal places, got "1.999"',
    ])

    const variant = await api.deps.db
      .selectFrom('product_variants')
      .select('id')
      .where('sku', 'like', `L${u}%`)
      .executeTakeFirstOrThrow()
    const warehouse = await insertTestWarehouse(api.deps.db)
    const stock = ['stock', '--variant', variant.id, '--warehouse', String(warehouse)]
    const key = `count-${u}`
    expect((await cli(...stock, '--delta', '8', '--key', key)).out).toEqual([
      'Applied: on hand 8, reserved 0, available 8.',
    ])
    expect((await cli(...stock, '--delta', '8', '--key', key)).out).toEqual([
      'Already applied: on hand 8, reserved 0, available 8.',
    ])
    const both = await cli(...stock, '--delta', '1', '--set', '3')
    expect([both.code, both.err.split('\n')[0]]).toEqual([
      2,
      'Give exactly one of --delta (a change) and --set (a counted amount).',
    ])

    const customer = await createTestUser(api.deps.db)
    const { order, fulfillmentOf } = await insertPaidOrder(
      api.deps.db,
      customer.id,
      [
        {
          sellerId: seller.id,
          productName: 'Lamp',
          sku: `L${u}-1`,
          unitPriceMinor: 1250,
          quantity: 2,
        },
      ],
      { address: { fullName: 'Ada Lovelace', city: 'London', country: 'GB' } },
    )
    const fulfillmentId = fulfillmentOf(seller.id)
    const listed = await cli('orders')
    expect(listed.out).toEqual([
      `${fulfillmentId}  #${String(order.number)}  pending  Ada Lovelace, London  2× L${u}-1`,
    ])
    const shipped = await cli(
      'ship',
      '--fulfillment',
      fulfillmentId,
      '--carrier',
      'DHL',
      '--tracking',
      `0034${String(Date.now())}`,
    )
    expect(shipped.code).toBe(0)
    expect(shipped.out[0]).toMatch(
      new RegExp(`^Order #${String(order.number)} shipped \\(shipped\\)`),
    )
    expect((await cli('orders')).out).toEqual(['No pending orders.'])

    expect((await cli('logout')).out).toEqual(['Signed out.'])
    expect((await cli('orders')).code).toBe(2)
  })

  it('reports a refused call with the API message and a non-zero exit code', async () => {
    const { user } = await createTestSeller(api.deps.db)
    await cli('login', '--email', user.email, '--password', user.password)
    const refused = await cli(
      'ship',
      '--fulfillment',
      randomUUID(),
      '--carrier',
      'DHL',
      '--tracking',
      'X1',
    )
    expect(refused.code).toBe(1)
    expect(refused.err).not.toBe('')
    const wrong = await cli('login', '--email', user.email, '--password', 'not-the-password')
    expect(wrong.code).toBe(1)
  })
})
