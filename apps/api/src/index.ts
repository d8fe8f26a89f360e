export type { AppRouter } from './root'
export { appRouter } from './root'
export { startApiServer, type RunningApi } from './server'
