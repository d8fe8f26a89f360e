// `npm run fuzz`: the long schemathesis run against the REST API, as every role.
import { parseArgs } from 'node:util'
import { testConfig } from '@emporium/infra/testing'
import { FUZZ_ROLES, fuzzApi, type FuzzPlan } from './fuzz-api'
import type { FuzzRole } from './fuzz-target'

function isRole(value: string): value is FuzzRole {
  return (FUZZ_ROLES as readonly string[]).includes(value)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'max-examples': { type: 'string', default: '100' },
      seed: { type: 'string', default: String(Date.now() % 1_000_000) },
      role: { type: 'string', multiple: true },
      workers: { type: 'string', default: '2' },
    },
  })
  const roles = values.role ?? [...FUZZ_ROLES]
  const unknown = roles.filter((role) => !isRole(role))
  if (unknown.length > 0)
    throw new Error(`unknown role ${unknown.join(', ')}: use ${FUZZ_ROLES.join(', ')}`)
  const plan: FuzzPlan = {
    maxExamples: Number(values['max-examples']),
    seed: Number(values.seed),
    roles: roles.filter(isRole),
    workers: Number(values.workers),
  }
  console.log(
    `› fuzzing the REST API: ${plan.maxExamples} examples per operation, seed ${plan.seed}`,
  )
  const outcomes = await fuzzApi(testConfig(), plan, (line) => console.log(line))
  const failed = outcomes.filter((o) => !o.passed)
  for (const outcome of failed) console.log(`\n── ${outcome.label} ──\n${outcome.output}`)
  const cases = outcomes.reduce((sum, o) => sum + o.testCases, 0)
  console.log(`› ${cases} test cases, ${failed.length} of ${outcomes.length} roles with findings`)
  process.exitCode = failed.length > 0 ? 1 : 0
}

await main()
