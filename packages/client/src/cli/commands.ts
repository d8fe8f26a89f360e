import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { TRPCClientError } from '@trpc/client'
import cliProgress from 'cli-progress'
import { createEmporiumClient, signInForToken, type EmporiumClient } from '../client'
import { credentialsPath, forgetCredentials, loadCredentials, saveCredentials } from './credentials'

/** Where a command writes: stdout for results, stderr for progress and errors. */
export interface Io {
  out: (line: string) => void
  err: NodeJS.WritableStream
  env: NodeJS.ProcessEnv
}

/** A mistake in how the command was called, shown with the usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/** The tRPC error code of a failed call, if it got an answer. */
function codeOf(error: unknown): string | undefined {
  return error instanceof TRPCClientError
    ? (error.data as { code?: string } | undefined)?.code
    : undefined
}

const DEFAULT_API_URL = 'http://127.0.0.1:4000'

async function signedInClient(io: Io): Promise<EmporiumClient> {
  const stored = await loadCredentials(credentialsPath(io.env))
  if (!stored) throw new UsageError('Not signed in. Run `emporium-seller login` first.')
  return createEmporiumClient({ apiUrl: stored.apiUrl, token: stored.token })
}

function need(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`Missing --${flag}.`)
  return value
}

function integer(value: string | undefined, flag: string): number {
  const n = Number(need(value, flag))
  if (!Number.isInteger(n)) throw new UsageError(`--${flag} must be a whole number.`)
  return n
}

export async function login(io: Io, flags: Record<string, string | undefined>): Promise<void> {
  const apiUrl = flags.api ?? io.env.EMPORIUM_API_URL ?? DEFAULT_API_URL
  const email = need(flags.email, 'email')
  const password = flags.password ?? io.env.EMPORIUM_PASSWORD
  if (!password) throw new UsageError('Give the password with --password or EMPORIUM_PASSWORD.')
  const session = await signInForToken(apiUrl, email, password)
  const client = createEmporiumClient({ apiUrl, token: session.token })
  await saveCredentials(credentialsPath(io.env), { apiUrl, ...session })
  const store = await client.seller.getStore.query().catch((error: unknown) => {
    if (codeOf(error) === 'NOT_FOUND') return null
    throw error
  })
  io.out(
    store
      ? `Signed in as ${email} — store "${store.storeName}" (${store.status}).`
      : `Signed in as ${email} — no store yet: open one in the seller dashboard.`,
  )
}

export async function logout(io: Io): Promise<void> {
  const path = credentialsPath(io.env)
  const stored = await loadCredentials(path)
  if (stored) {
    await createEmporiumClient({ apiUrl: stored.apiUrl, token: stored.token }).auth.logout.mutate()
  }
  await forgetCredentials(path)
  io.out('Signed out.')
}

export async function orders(io: Io, flags: Record<string, string | undefined>): Promise<void> {
  const client = await signedInClient(io)
  const status = (flags.status ?? 'pending') as
    | 'pending'
    | 'packed'
    | 'shipped'
    | 'delivered'
    | 'cancelled'
  const page = await client.seller.listOrders.query({ status, limit: 100 })
  if (page.items.length === 0) {
    io.out(`No ${status} orders.`)
    return
  }
  for (const f of page.items) {
    const items = f.lines.map((l) => `${String(l.quantity)}× ${l.sku}`).join(', ')
    io.out(
      `${f.fulfillmentId}  #${String(f.orderNumber)}  ${f.status}  ${f.shipTo.fullName ?? '?'}, ${f.shipTo.city ?? '?'}  ${items}`,
    )
  }
}

export async function importProducts(io: Io, file: string | undefined): Promise<void> {
  const client = await signedInClient(io)
  const text = await readFile(need(file, 'file (the CSV to import)'), 'utf8')
  const importId = randomUUID()
  const bar = new cliProgress.SingleBar(
    { format: 'importing [{bar}] {value}/{total} rows', stream: io.err },
    cliProgress.Presets.shades_classic,
  )
  let started = false
  const poll = setInterval(() => {
    client.seller.importStatus
      .query({ importId })
      .then((s) => {
        if (!started) {
          bar.start(s.total, 0)
          started = true
        }
        bar.update(s.processed)
      })
      .catch((error: unknown) => {
        // Until the import has registered itself there is nothing to show yet.
        if (codeOf(error) !== 'NOT_FOUND') io.err.write(`progress unavailable: ${String(error)}\n`)
      })
  }, 200)
  try {
    const result = await client.seller.importProducts.mutate({
      importId,
      source: { format: 'csv', text },
    })
    if (started) {
      bar.update(result.total)
      bar.stop()
    }
    io.out(
      `Imported ${String(result.imported)} of ${String(result.total)} rows; ${String(result.failed)} failed.`,
    )
    for (const e of result.errors) {
      io.out(`  row ${String(e.row)}${e.field ? ` (${e.field})` : ''}: ${e.message}`)
    }
  } finally {
    clearInterval(poll)
    if (started) bar.stop()
  }
}

export async function adjustStock(
  io: Io,
  flags: Record<string, string | undefined>,
): Promise<void> {
  const client = await signedInClient(io)
  const base = {
    variantId: need(flags.variant, 'variant'),
    warehouseId: integer(flags.warehouse, 'warehouse'),
    idempotencyKey: flags.key ?? randomUUID(),
    reason: (flags.reason ?? 'adjustment') as 'restock' | 'adjustment' | 'return',
  }
  if ((flags.delta === undefined) === (flags.set === undefined)) {
    throw new UsageError('Give exactly one of --delta (a change) and --set (a counted amount).')
  }
  const result = await client.seller.adjustStock.mutate(
    flags.delta !== undefined
      ? { ...base, delta: integer(flags.delta, 'delta') }
      : { ...base, setOnHand: integer(flags.set, 'set') },
  )
  const l = result.level
  io.out(
    `${result.applied ? 'Applied' : 'Already applied'}: on hand ${String(l.onHand)}, reserved ${String(l.reserved)}, available ${String(l.available)}${l.low ? ' (low stock)' : ''}.`,
  )
}

export async function ship(io: Io, flags: Record<string, string | undefined>): Promise<void> {
  const client = await signedInClient(io)
  const shipped = await client.seller.shipOrder.mutate({
    fulfillmentId: need(flags.fulfillment, 'fulfillment'),
    carrier: need(flags.carrier, 'carrier'),
    trackingNumber: need(flags.tracking, 'tracking'),
  })
  io.out(
    `Order #${String(shipped.orderNumber)} shipped (${shipped.status}); shipment ${shipped.shipmentId}.`,
  )
}
