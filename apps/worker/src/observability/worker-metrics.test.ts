import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import {
  createRedis,
  createTemporalClient,
  parseMetricSamples,
  sampleSum,
  type Redis,
  type TemporalClient,
} from '@emporium/infra'
import { TEST_ENV, testConfig } from '@emporium/infra/testing'
import { greetCustomerWorkflowId, WORKFLOW_TYPES } from '@emporium/workflows'
import type { greetCustomerWorkflow } from '@emporium/workflows/workflows'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { parse } from 'yaml'
import { greetingsKey } from '../activities/greeting-activities'
import { uniqueTaskQueue } from '../testing/temporal'

const workerDir = new URL('../..', import.meta.url)
const alertsFile = new URL('../../../../ops/alerts.yml', import.meta.url)
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli')

/** Metric names an alert expression reads (identifiers before `{`, `[` or `)` that look like series). */
function metricNamesIn(expr: string): string[] {
  return [...expr.matchAll(/\b((?:emporium|temporal)_[a-z0-9_]+)/g)].map((m) => m[1]!)
}

describe('worker process /metrics (tsx src/main.ts)', () => {
  const config = testConfig()
  let client: TemporalClient
  let redis: Redis

  beforeAll(async () => {
    client = await createTemporalClient(config)
    redis = createRedis(config)
  })
  afterAll(async () => {
    await client?.connection.close()
    await redis?.quit()
  })

  it('serves its activity metrics, the DB gauges and the Temporal SDK metrics that the alert rules read', async () => {
    const taskQueue = uniqueTaskQueue('metrics')
    const child = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
      cwd: workerDir,
      env: {
        ...TEST_ENV,
        ...process.env,
        TEMPORAL_TASK_QUEUE: taskQueue,
        LOG_LEVEL: 'info',
        WORKER_METRICS_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = once(child, 'exit')
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL')
    })
    try {
      await expect
        .poll(() => output.includes('worker started'), { timeout: 150_000, interval: 250 })
        .toBe(true)
      const served = output
        .split('\n')
        .filter((l) => l.includes('worker metrics served'))
        .map((l) => JSON.parse(l) as { url: string })
      expect(served).toHaveLength(1)
      const url = served[0]!.url

      const customerId = randomUUID()
      await client.workflow.execute<typeof greetCustomerWorkflow>(WORKFLOW_TYPES.greetCustomer, {
        taskQueue,
        workflowId: greetCustomerWorkflowId(customerId),
        args: [{ customerId, name: 'Grace', followUpAfter: 0 }],
      })
      await redis.del(greetingsKey(customerId))

      const response = await fetch(url)
      expect(response.status).toBe(200)
      const text = await response.text()
      // Two greetings (welcome, follow-up), each one recordGreeting activity in this process.
      expect(
        sampleSum(text, 'emporium_worker_activity_duration_seconds_count', {
          activity_type: 'recordGreeting',
          outcome: 'completed',
        }),
      ).toBe(2)
      const names = new Set(parseMetricSamples(text).map((s) => s.name))
      expect([...names].filter((n) => n.startsWith('temporal_')).length).toBeGreaterThan(5)
      expect(sampleSum(text, 'temporal_workflow_completed', { task_queue: taskQueue })).toBe(1)

      // Every series an alert rule reads is exported (counters and gauges by name, histograms by _bucket).
      const rules = (
        parse(readFileSync(alertsFile, 'utf8')) as {
          groups: { rules: { alert: string; expr: string }[] }[]
        }
      ).groups.flatMap((g) => g.rules)
      expect(rules.map((r) => r.alert)).toEqual(
        expect.arrayContaining([
          'ApiHighErrorRate',
          'CheckoutPaymentFailures',
          'InventoryLow',
          'CheckoutsStuck',
        ]),
      )
      const apiOnly = /^emporium_(api|catalog|checkout_outcomes|reservation)/
      for (const rule of rules) {
        for (const name of metricNamesIn(rule.expr)) {
          // API series are declared in the shared registry too, so they show here with HELP lines.
          if (apiOnly.test(name))
            expect(text, rule.alert).toContain(`# TYPE ${name.replace(/_bucket$/, '')} `)
          else expect(names.has(name), `${rule.alert}: ${name}`).toBe(true)
        }
      }
    } catch (error) {
      child.kill('SIGKILL')
      throw new Error(`worker output:\n${output}`, { cause: error })
    }
    child.kill('SIGTERM')
    await exited
  }, 240_000)
})
