import { execFile, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..')

/** The checks every fuzz run makes: no 5xx, bodies and status codes as the document declares. */
export const FUZZ_CHECKS = [
  'not_a_server_error',
  'response_schema_conformance',
  'status_code_conformance',
  'content_type_conformance',
]

/** Installs the pinned schemathesis when missing (scripts/install-schemathesis.sh); returns its `st` command. */
export async function installSchemathesis(): Promise<string> {
  const script = path.join(REPO_ROOT, 'scripts/install-schemathesis.sh')
  const { stdout } = await promisify(execFile)('bash', [script], { maxBuffer: 1 << 20 })
  const st = stdout.trim().split('\n').at(-1)
  if (!st) throw new Error('install-schemathesis.sh printed no path')
  return st
}

export interface FuzzRun {
  /** Who the run is, for the report: `anonymous`, `customer`, … */
  label: string
  schemaUrl: string
  /** Bearer token sent with every request; none for an anonymous run. */
  bearer?: string
  maxExamples: number
  seed: number
  /** Regex of operation paths left out of the run (e.g. logging the token out). */
  excludePathRegex?: string
  workers?: number
}

export interface FuzzOutcome {
  label: string
  passed: boolean
  output: string
  /** Operations tested and test cases generated, read from schemathesis's summary. */
  operations: number
  testCases: number
}

function countOf(output: string, pattern: RegExp): number {
  const match = pattern.exec(output)
  return match?.[1] ? Number(match[1].replaceAll(',', '')) : 0
}

/** Runs schemathesis once against the served OpenAPI document; resolves with its report. */
export function runSchemathesis(st: string, run: FuzzRun): Promise<FuzzOutcome> {
  const args = [
    'run',
    run.schemaUrl,
    '--checks',
    FUZZ_CHECKS.join(','),
    '--max-examples',
    String(run.maxExamples),
    '--seed',
    String(run.seed),
    '--workers',
    String(run.workers ?? 2),
    '--generation-database',
    'none',
    '--no-color',
    '--request-timeout',
    '30',
    '--suppress-health-check',
    'too_slow,filter_too_much',
    '--header',
    'Origin: http://127.0.0.1:5173',
  ]
  if (run.bearer) args.push('--header', `Authorization: Bearer ${run.bearer}`)
  if (run.excludePathRegex) args.push('--exclude-path-regex', run.excludePathRegex)
  return new Promise((resolve, reject) => {
    const child = spawn(st, args, {
      env: { ...process.env, COLUMNS: '120', PYTHONIOENCODING: 'utf-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      resolve({
        label: run.label,
        passed: code === 0,
        output,
        operations: countOf(output, /Operations:\s+([\d,]+) selected/),
        testCases: countOf(output, /Test cases:\s+([\d,]+) generated/),
      })
    })
  })
}
