import type { Config } from '@emporium/infra'
import { startFuzzTarget, type FuzzRole, type FuzzTarget } from './fuzz-target'
import { installSchemathesis, runSchemathesis, type FuzzOutcome } from './schemathesis'

/** Signing out would end the run's own session: the signed-in roles leave those operations out. */
export const SESSION_ENDING_PATHS = '/auth/logout'

export const FUZZ_ROLES: readonly FuzzRole[] = ['anonymous', 'customer', 'seller', 'admin']

export interface FuzzPlan {
  maxExamples: number
  seed: number
  roles?: readonly FuzzRole[]
  workers?: number
}

/** One schemathesis run against the target's OpenAPI document, as `role`. */
export function fuzzAs(
  st: string,
  target: FuzzTarget,
  role: FuzzRole,
  plan: FuzzPlan,
): Promise<FuzzOutcome> {
  return runSchemathesis(st, {
    label: role,
    schemaUrl: target.schemaUrl,
    bearer: role === 'anonymous' ? undefined : target.tokens[role],
    excludePathRegex: role === 'anonymous' ? undefined : SESSION_ENDING_PATHS,
    maxExamples: plan.maxExamples,
    seed: plan.seed,
    workers: plan.workers,
  })
}

/** One line for the log: role, verdict, operations and test cases. */
export function summaryOf(outcome: FuzzOutcome, seconds: number): string {
  return (
    `${outcome.label}: ${outcome.passed ? 'passed' : 'FAILED'} — ${outcome.operations} operations, ` +
    `${outcome.testCases} test cases in ${seconds} s`
  )
}

/** Fuzzes the API's OpenAPI document as each role in turn; one outcome per role. */
export async function fuzzApi(
  config: Config,
  plan: FuzzPlan,
  log: (line: string) => void,
): Promise<FuzzOutcome[]> {
  const st = await installSchemathesis()
  const target = await startFuzzTarget(config)
  const outcomes: FuzzOutcome[] = []
  try {
    for (const role of plan.roles ?? FUZZ_ROLES) {
      const started = Date.now()
      const outcome = await fuzzAs(st, target, role, plan)
      log(summaryOf(outcome, Math.round((Date.now() - started) / 1000)))
      outcomes.push(outcome)
    }
  } finally {
    await target.close()
  }
  return outcomes
}
