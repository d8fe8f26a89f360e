// Test helpers for other workspaces' tests that drive a real API (e.g. the seller CLI's).
export { createTestClient, errorOf, signIn } from './api-client'
export { insertPaidOrder, type TestLine } from './orders'
export { createTestSeller } from './sellers'
export { createTestUser } from './users'
export { childEnv, spawnApi, spawnWorker, type ChildService } from '../stack/child-processes'
export { startNginx, type RunningBalancer } from '../stack/nginx-balancer'
