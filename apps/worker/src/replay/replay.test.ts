import { DeterminismViolationError } from '@temporalio/workflow'
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker'
import { describe, expect, it } from 'vitest'
import { CHECKOUT_FIXTURES } from '../cli/record-checkout-histories'
import { PAYMENT_FIXTURES } from '../cli/record-payment-histories'
import { nondeterministicWorkflowsPath, testWorkflowBundle } from '../testing/temporal'
import { loadHistoryFixtures } from './history-fixtures'

describe('replay of recorded histories (packages/workflows/histories)', () => {
  it('replays every recorded history against the current workflow code without non-determinism', async () => {
    const fixtures = await loadHistoryFixtures()
    expect(fixtures.map((f) => f.name)).toContain('greet-customer-workflow')
    // The checkout's happy and compensating paths are all recorded.
    expect(fixtures.map((f) => f.name)).toEqual(expect.arrayContaining([...CHECKOUT_FIXTURES]))
    expect(fixtures.map((f) => f.name)).toEqual(expect.arrayContaining([...PAYMENT_FIXTURES]))

    const results = Worker.runReplayHistories(
      { workflowBundle: await testWorkflowBundle() },
      fixtures.map(({ name, history }) => ({ workflowId: name, history })),
    )
    const failures: string[] = []
    let replayed = 0
    for await (const result of results) {
      replayed += 1
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`)
    }
    expect(failures).toEqual([])
    expect(replayed).toBe(fixtures.length)
  })

  it('catches a workflow edit that schedules activities in a different order', async () => {
    const [fixture] = (await loadHistoryFixtures()).filter(
      (f) => f.name === 'greet-customer-workflow',
    )
    const brokenBundle = await bundleWorkflowCode({
      workflowsPath: nondeterministicWorkflowsPath,
      logger: new DefaultLogger('WARN'),
    })

    const replay = Worker.runReplayHistory(
      { workflowBundle: brokenBundle },
      fixture!.history,
      'greet-customer',
    )
    await expect(replay).rejects.toBeInstanceOf(DeterminismViolationError)
    await expect(replay).rejects.toThrow(/nondetermin/i)
  })
})
