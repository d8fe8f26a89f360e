import type { TestProject } from 'vitest/node'
import { getWorkflowBundle } from '../worker'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Webpack bundle of @emporium/workflows, built once per test run instead of once per test file. */
    workflowBundleCode: string
  }
}

/** Vitest global setup: bundles the workflows once and hands the code to every test file. */
export default async function setup(project: TestProject): Promise<void> {
  const bundle = await getWorkflowBundle()
  project.provide('workflowBundleCode', bundle.code)
}
