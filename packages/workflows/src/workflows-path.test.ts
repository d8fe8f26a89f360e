import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { greetCustomerWorkflowId, WORKFLOW_TYPES } from './index'
import { workflowsPath } from './workflows-path'

describe('workflow bundle entry', () => {
  it('points at src/workflows/index.ts', () => {
    expect(workflowsPath.replaceAll('\\', '/')).toMatch(
      /packages\/workflows\/src\/workflows\/index\.ts$/,
    )
    expect(existsSync(workflowsPath)).toBe(true)
  })

  it('exports a workflow function for every registered workflow type', async () => {
    const entry = (await import(workflowsPath)) as Record<string, unknown>
    for (const type of Object.values(WORKFLOW_TYPES)) {
      expect(typeof entry[type], `workflow ${type}`).toBe('function')
    }
  })
})

describe('greetCustomerWorkflowId', () => {
  it('derives the id from the customer, so one customer maps to one workflow', () => {
    expect(greetCustomerWorkflowId('c-42')).toBe('greet-customer-c-42')
    expect(greetCustomerWorkflowId('c-42')).toBe(greetCustomerWorkflowId('c-42'))
    expect(greetCustomerWorkflowId('c-43')).not.toBe(greetCustomerWorkflowId('c-42'))
  })
})
