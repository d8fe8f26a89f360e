import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results')

/** Machine facts written beside every figure, so results are only compared with their own kind. */
export function machineFacts(): {
  nproc: number
  node_version: string
  date: string
  cpu_model: string
} {
  return {
    nproc: os.availableParallelism(),
    node_version: process.version,
    date: new Date().toISOString(),
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
  }
}

/** Writes `bench/results/<name>.json` (flat snake_case keys naming their unit) and returns its path. */
export function writeResult(name: string, figures: Record<string, unknown>): string {
  mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `${name}.json`)
  writeFileSync(file, `${JSON.stringify({ ...machineFacts(), ...figures }, null, 2)}\n`)
  return file
}

/** Prints rows as an aligned table. */
export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0] ?? {})
  const cell = (v: string | number | undefined) =>
    typeof v === 'number' ? formatNumber(v) : (v ?? '')
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)))
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ')
  console.log(line(columns))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const row of rows) console.log(line(columns.map((c) => cell(row[c]))))
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(4)
}
