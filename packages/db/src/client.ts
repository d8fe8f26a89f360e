import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema/database'

/** Development database of the local stack; tests and deployments set DATABASE_URL. */
export const DEFAULT_DATABASE_URL = 'postgres://emporium:emporium@127.0.0.1:5432/emporium'

type TypeId = Parameters<typeof pg.types.setTypeParser>[0]
const INT8_OID = 20 as TypeId
// Not in pg-types' builtins enum, which lists scalar types only.
const INT8_ARRAY_OID = 1016 as TypeId
const NUMERIC_OID = 1700 as TypeId

/** Parses a Postgres int8 as a JS number, refusing values a double cannot hold exactly. */
export function parseInt8(text: string): number {
  const value = Number(text)
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} is outside JavaScript's safe integer range`)
  }
  return value
}

// int8[] text is flat and unquoted: `{1,2,NULL}`.
function parseInt8Array(text: string): (number | null)[] {
  const inner = text.slice(1, -1)
  if (inner === '') return []
  return inner.split(',').map((item) => (item === 'NULL' ? null : parseInt8(item)))
}

let parsersInstalled = false

function installTypeParsers(): void {
  if (parsersInstalled) return
  // Money is bigint minor units; every amount we store fits a double exactly, and one that does not
  // is a bug worth failing loudly on.
  pg.types.setTypeParser(INT8_OID, parseInt8)
  pg.types.setTypeParser(INT8_ARRAY_OID, parseInt8Array)
  // Decimals (exchange rates, rating averages) stay exact as strings.
  pg.types.setTypeParser(NUMERIC_OID, (text: string) => text)
  parsersInstalled = true
}

export type Db = Kysely<Database>

/** Opens a pooled, typed Kysely connection to the database at `url`. */
export function createDb(
  url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
  poolSize = 10,
  onConnectionError: (error: Error) => void = (error) =>
    console.error(`[db] a pooled connection failed and will be replaced: ${error.message}`),
): Db {
  installTypeParsers()
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  // Without these listeners a connection dropped by the server (restart, admin kill) would crash the
  // process with an unhandled 'error' event; the pool discards the connection and queries fail normally.
  pool.on('error', onConnectionError)
  pool.on('connect', (client) => client.on('error', onConnectionError))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
