import { testConfig } from '@emporium/infra/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FUZZ_ROLES, fuzzAs, summaryOf } from './fuzz/fuzz-api'
import { startFuzzTarget, type FuzzTarget } from './fuzz/fuzz-target'
import { installSchemathesis } from './fuzz/schemathesis'

/** The short fuzz of `npm test`; `npm run fuzz` runs the long one. A fixed seed keeps it repeatable. */
const SHORT_PLAN = { maxExamples: 5, seed: 20261127, workers: 2 }

describe('schemathesis against the REST API’s OpenAPI document (short run)', () => {
  let st: string
  let target: FuzzTarget
  beforeAll(async () => {
    st = await installSchemathesis()
    target = await startFuzzTarget(testConfig())
  }, 300_000)
  afterAll(async () => {
    await target.close()
  })

  it.each(FUZZ_ROLES)(
    'finds no 5xx, no undeclared status and no body breaking its schema as %s',
    async (role) => {
      const started = Date.now()
      const outcome = await fuzzAs(st, target, role, SHORT_PLAN)
      console.log(summaryOf(outcome, Math.round((Date.now() - started) / 1000)))
      expect(outcome.operations, outcome.output).toBeGreaterThan(80)
      expect(outcome.testCases, outcome.output).toBeGreaterThan(outcome.operations)
      // On a finding, the failure message is schemathesis's report (with curl lines to reproduce).
      expect(outcome.passed, outcome.output).toBe(true)
    },
    300_000,
  )
})
