#!/usr/bin/env -S npx tsx
// emporium-seller: a seller's command line over the Emporium API (the typed client in this package).
import { parseArgs } from 'node:util'
import { TRPCClientError } from '@trpc/client'
import {
  adjustStock,
  importProducts,
  login,
  logout,
  orders,
  ship,
  UsageError,
  type Io,
} from './commands'

const USAGE = `Usage: emporium-seller <command> [options]

  login --email <email> [--password <pw>] [--api <url>]   sign in (or EMPORIUM_PASSWORD, EMPORIUM_API_URL)
  logout                                                   sign out and forget the token
  orders [--status pending|packed|shipped|delivered]       orders to fulfil (default: pending)
  import <file.csv>                                        import products, with progress and per-row errors
  stock --variant <id> --warehouse <id> (--delta <n> | --set <n>) [--reason restock|adjustment|return] [--key <idempotency key>]
  ship --fulfillment <id> --carrier <name> --tracking <number>
`

export async function run(argv: string[], io: Io): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: Object.fromEntries(
      [
        'email',
        'password',
        'api',
        'status',
        'variant',
        'warehouse',
        'delta',
        'set',
        'reason',
        'key',
        'fulfillment',
        'carrier',
        'tracking',
      ].map((name) => [name, { type: 'string' as const }]),
    ),
  })
  const flags = values as Record<string, string | undefined>
  const [command, ...args] = positionals
  try {
    switch (command) {
      case 'login':
        await login(io, flags)
        return 0
      case 'logout':
        await logout(io)
        return 0
      case 'orders':
        await orders(io, flags)
        return 0
      case 'import':
        await importProducts(io, args[0])
        return 0
      case 'stock':
        await adjustStock(io, flags)
        return 0
      case 'ship':
        await ship(io, flags)
        return 0
      default:
        io.err.write(USAGE)
        return command === undefined || command === 'help' ? 0 : 2
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err.write(`${error.message}\n\n${USAGE}`)
      return 2
    }
    if (error instanceof TRPCClientError) {
      io.err.write(`${error.message}\n`)
      return 1
    }
    throw error
  }
}

const isMain =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')
if (isMain) {
  const io: Io = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: process.stderr,
    env: process.env,
  }
  process.exitCode = await run(process.argv.slice(2), io)
}
