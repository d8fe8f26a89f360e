import type { Db } from '../client'
import { PiiDecryptionError, rewrapPii, type PiiKeyRing } from './envelope-cipher'
import {
  mapAddressFields,
  SEALED_ADDRESS_COLUMNS,
  sealAddressFields,
  type SealedAddressColumn,
} from './sealed-address'
import { sealShippingAddress } from './sealed-shipping-address'

export interface ReencryptOptions {
  /** Rows per transaction (default 200). */
  batchSize?: number
  /** Only these users' addresses and orders (one customer's data); every row when absent. */
  onlyUserIds?: readonly string[]
  /** Called after every batch with the rows done so far out of those found at the start. */
  onProgress?: (progress: { done: number; total: number }) => void
}

export interface ReencryptResult {
  addresses: number
  orders: number
  /** Rows still not under the current key: they were being changed by the app while the job ran. */
  remaining: number
}

type Table = 'addresses' | 'orders'

function notCurrent(db: Db, table: Table, ring: PiiKeyRing, onlyUserIds?: readonly string[]) {
  return db
    .selectFrom(table)
    .where((eb) => eb.or([eb('pii_key_id', 'is', null), eb('pii_key_id', '<>', ring.currentId)]))
    .$if(onlyUserIds !== undefined, (q) =>
      // An empty list selects nothing rather than everything.
      q.where(
        'user_id',
        'in',
        onlyUserIds?.length ? onlyUserIds : ['00000000-0000-0000-0000-000000000000'],
      ),
    )
}

/** How many address and order rows are not under the ring's current key (legacy plaintext included). */
export async function countRowsToReencrypt(
  db: Db,
  ring: PiiKeyRing,
  options: Pick<ReencryptOptions, 'onlyUserIds'> = {},
): Promise<number> {
  let total = 0
  for (const table of ['addresses', 'orders'] as const) {
    const row = await notCurrent(db, table, ring, options.onlyUserIds)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    total += Number(row.n)
  }
  return total
}

// The next batch after `after` (keyset on id), locked; rows the app has locked are skipped, not waited for.
function lockedBatch(
  trx: Db,
  table: Table,
  ring: PiiKeyRing,
  after: string | null,
  options: ReencryptOptions,
) {
  return notCurrent(trx, table, ring, options.onlyUserIds)
    .$if(after !== null, (q) => q.where('id', '>', after as string))
    .orderBy('id')
    .limit(options.batchSize ?? 200)
    .forUpdate()
    .skipLocked()
}

function cannotRewrap(what: string, keyId: string, error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error)
  throw new PiiDecryptionError(
    `Cannot re-encrypt ${what} (sealed with PII key "${keyId}"): ${reason}. Keep every retired key in PII_ENCRYPTION_KEYS until this job has finished.`,
    { cause: error },
  )
}

// One batch of addresses after `after`, each moved to the current key.
async function addressBatch(
  db: Db,
  ring: PiiKeyRing,
  after: string | null,
  options: ReencryptOptions,
) {
  return db.transaction().execute(async (trx) => {
    const rows = await lockedBatch(trx, 'addresses', ring, after, options)
      .select(['id', 'pii_key_id', ...SEALED_ADDRESS_COLUMNS])
      .execute()
    for (const row of rows) {
      const keyId = row.pii_key_id
      let sealed
      if (keyId === null) {
        sealed = sealAddressFields(ring, row.id, row) // legacy plaintext
      } else {
        try {
          const rewrap = (column: SealedAddressColumn) => {
            const value = row[column]
            return value === null ? null : rewrapPii(ring, value)
          }
          sealed = { ...mapAddressFields(rewrap), pii_key_id: ring.currentId }
        } catch (error) {
          cannotRewrap(`address ${row.id}`, keyId, error)
        }
      }
      await trx.updateTable('addresses').set(sealed).where('id', '=', row.id).execute()
    }
    return rows.map((r) => r.id)
  })
}

async function orderBatch(
  db: Db,
  ring: PiiKeyRing,
  after: string | null,
  options: ReencryptOptions,
) {
  return db.transaction().execute(async (trx) => {
    const rows = await lockedBatch(trx, 'orders', ring, after, options)
      .select(['id', 'pii_key_id', 'shipping_address', 'shipping_address_sealed'])
      .execute()
    for (const row of rows) {
      const keyId = row.pii_key_id
      let sealed
      if (keyId === null || row.shipping_address_sealed === null) {
        sealed = sealShippingAddress(ring, row.id, row.shipping_address) // legacy plaintext
      } else {
        try {
          sealed = {
            shipping_address_sealed: rewrapPii(ring, row.shipping_address_sealed),
            pii_key_id: ring.currentId,
          }
        } catch (error) {
          cannotRewrap(`the shipping address of order ${row.id}`, keyId, error)
        }
      }
      await trx.updateTable('orders').set(sealed).where('id', '=', row.id).execute()
    }
    return rows.map((r) => r.id)
  })
}

/**
 * Moves every address and order row to the ring's current key: values under an older key are
 * re-wrapped (their data keys re-sealed, the data untouched), rows from before encryption are
 * sealed. Works in short transactions over id ranges and skips rows the app holds locked, so it
 * runs beside live traffic; running it again resumes where it stopped, as done rows no longer match.
 * A value whose key is missing from the ring stops the job with a PiiDecryptionError naming it.
 */
export async function reencryptPersonalData(
  db: Db,
  ring: PiiKeyRing,
  options: ReencryptOptions = {},
): Promise<ReencryptResult> {
  const total = await countRowsToReencrypt(db, ring, options)
  const done = { addresses: 0, orders: 0 }
  const report = () => options.onProgress?.({ done: done.addresses + done.orders, total })
  report()
  const batches = { addresses: addressBatch, orders: orderBatch }
  for (const table of ['addresses', 'orders'] as const) {
    // A later pass picks up rows that were locked by the app during the previous one.
    for (let pass = 0; pass < 3; pass++) {
      let after: string | null = null
      let passDone = 0
      for (;;) {
        const ids: string[] = await batches[table](db, ring, after, options)
        if (ids.length === 0) break
        after = ids[ids.length - 1] ?? null
        passDone += ids.length
        done[table] += ids.length
        report()
      }
      if (passDone === 0) break
    }
  }
  return { ...done, remaining: await countRowsToReencrypt(db, ring, options) }
}
