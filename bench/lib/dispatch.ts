import { readdirSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** Runs `<dir>/<name>.ts` (its default export receives the remaining CLI args); lists the choices otherwise. */
export async function dispatch(kind: 'bench' | 'eval', dir: string, argv: string[]): Promise<void> {
  const [name, ...args] = argv
  const available = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
  if (!name || !available.includes(name)) {
    console.error(`usage: npm run ${kind} -- <name> [options]\navailable: ${available.join(', ')}`)
    process.exit(name ? 1 : 0)
  }
  const module = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as {
    default: (args: string[]) => Promise<void>
  }
  await module.default(args)
}
