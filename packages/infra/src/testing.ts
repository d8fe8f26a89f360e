import { loadConfig, type Config } from './config'

/**
 * Settings for tests: the local stack with every optional service switched on, and the test
 * databases (Postgres `emporium_test`, Redis DB 1) kept apart from development data.
 * Values already in the environment win, so CI or a developer can point tests elsewhere.
 */
export const TEST_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  DATABASE_URL: 'postgres://emporium:emporium@127.0.0.1:5432/emporium_test',
  REDIS_URL: 'redis://127.0.0.1:6379/1',
  TEMPORAL_ADDRESS: '127.0.0.1:7233',
  TEMPORAL_NAMESPACE: 'default',
  TYPESENSE_URL: 'http://127.0.0.1:8108',
  TYPESENSE_API_KEY: 'emporium-dev-key',
  STRIPE_SECRET_KEY: 'sk_test_emporium',
  STRIPE_API_URL: 'http://127.0.0.1:12111',
  SMTP_URL: 'smtp://127.0.0.1:1025',
  MAILPIT_URL: 'http://127.0.0.1:8025',
  // Several workers run at once in tests: each serves its metrics on a free port.
  WORKER_METRICS_PORT: '0',
}

/** Config for a test run; `overrides` win over the environment, which wins over TEST_ENV. */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  return loadConfig({ ...TEST_ENV, ...process.env, ...overrides })
}
export { createFixtureCatalog, insertFixtureProduct } from './search-engine/catalog-fixtures'
export {
  freePort,
  startToxiproxy,
  TOXIPROXY_SERVER_PATH,
  type FaultProxy,
  type RunningToxiproxy,
  type ToxicAttributes,
  type ToxicKind,
} from './toxiproxy/toxiproxy-server'
export { startHttpFaultProxy, type HttpFaultProxy } from './http-fault-proxy'
export { testGatewayCharges, type TestGatewayCharges } from './payment-gateway/test-gateway-ledger'
export { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base'
