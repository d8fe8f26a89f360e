import { fileURLToPath } from 'node:url'

/** Absolute path of the workflow bundle entry (src/workflows/index.ts), for `bundleWorkflowCode` / `Worker.create`. */
export const workflowsPath: string = fileURLToPath(new URL('./workflows/index.ts', import.meta.url))
