export type { AppRouter } from '@emporium/api'
export {
  createEmporiumClient,
  isIdempotent,
  isTransientError,
  signInForToken,
  type EmporiumClient,
  type EmporiumClientOptions,
} from './client'
// The zod schemas the API validates with, so clients validate forms and files the same way.
export * as schemas from './schemas'
