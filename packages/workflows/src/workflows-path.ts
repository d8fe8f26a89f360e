import { fileURLToPath } from 'node:url'

/** Absolute path of the workflow bundle entry (src/workflows/index.ts), for `bundleWorkflowCode` / `Worker.create`. */
export const workflowsPath: string = fileURLToPath(new URL('./workflows/index.ts', import.meta.url))

/** Workflow interceptor modules bundled beside the workflows (`bundleWorkflowCode`'s `workflowInterceptorModules`). */
export const workflowInterceptorModules: string[] = [
  fileURLToPath(new URL('./interceptors/request-context-interceptors.ts', import.meta.url)),
  fileURLToPath(new URL('./interceptors/trace-context-interceptors.ts', import.meta.url)),
]
