import CircuitBreaker from 'opossum'
import { GatewayUnavailableError, type PaymentGateway } from './gateway'

/** Where the breaker stands: closed = calls pass, open = calls fail fast, halfOpen = one trial call passes. */
export type CircuitState = 'closed' | 'open' | 'halfOpen'

export interface CircuitBreakerSettings {
  /** Share of failed calls in the rolling window (percent) at which the circuit opens. */
  errorThresholdPercentage: number
  /** Calls needed in the window before the circuit may open at all (a single blip never opens it). */
  volumeThreshold: number
  /** Length of the rolling window of call statistics (ms). */
  rollingCountTimeout: number
  /** How long the circuit stays open before one trial call is let through (ms). */
  resetTimeout: number
  /** A call slower than this counts as a gateway failure (ms); the caller retries with its idempotency key. */
  timeout: number
}

export const DEFAULT_CIRCUIT_BREAKER_SETTINGS: CircuitBreakerSettings = {
  errorThresholdPercentage: 50,
  volumeThreshold: 5,
  rollingCountTimeout: 30_000,
  resetTimeout: 30_000,
  timeout: 45_000,
}

/** A payment gateway behind a circuit breaker, with its state for health checks and tests. */
export interface CircuitBreakerGateway extends PaymentGateway {
  readonly circuitState: () => CircuitState
}

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
])

/**
 * True for failures of the gateway itself (outage, network, timeout) — the ones that should trip
 * the breaker. Card declines come back as a `failed` PaymentState, and refusals such as "refund
 * exceeds what is left" or an unknown card token are answers from a working gateway: neither counts.
 */
export function isGatewayFailure(error: unknown): boolean {
  if (error instanceof GatewayUnavailableError) return true
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && NETWORK_ERROR_CODES.has(code)
}

type Call = () => Promise<unknown>

/**
 * Wraps `inner` in one opossum circuit breaker: after repeated gateway failures the circuit opens
 * and every call fails fast with GatewayUnavailableError (a retryable error: checkout activities
 * back off and try again instead of failing orders), then lets one trial call through after
 * `resetTimeout`, closing again when it succeeds.
 */
export function withCircuitBreaker(
  inner: PaymentGateway,
  settings: Partial<CircuitBreakerSettings> = {},
  onStateChange?: (state: CircuitState) => void,
): CircuitBreakerGateway {
  const options = { ...DEFAULT_CIRCUIT_BREAKER_SETTINGS, ...settings }
  const breaker = new CircuitBreaker((call: Call) => call(), {
    ...options,
    name: `payment-gateway-${inner.name}`,
    errorFilter: (error: unknown) => !isGatewayFailure(error),
  })
  if (onStateChange) {
    breaker.on('open', () => onStateChange('open'))
    breaker.on('halfOpen', () => onStateChange('halfOpen'))
    breaker.on('close', () => onStateChange('closed'))
  }

  async function guarded<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return (await breaker.fire(call)) as T
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (code === 'EOPENBREAKER') {
        throw new GatewayUnavailableError(
          `Payment gateway ${inner.name} is failing; ${operation} was not attempted while the circuit is open (it retries after ${options.resetTimeout} ms).`,
          { cause: error },
        )
      }
      if (code === 'ETIMEDOUT' && !(error instanceof GatewayUnavailableError)) {
        throw new GatewayUnavailableError(
          `Payment gateway ${inner.name} did not answer ${operation} within ${options.timeout} ms.`,
          { cause: error },
        )
      }
      throw error
    }
  }

  return {
    name: inner.name,
    circuitState: () => (breaker.opened ? 'open' : breaker.halfOpen ? 'halfOpen' : 'closed'),
    createPayment: (input) => guarded('createPayment', () => inner.createPayment(input)),
    getPayment: (intentId) => guarded('getPayment', () => inner.getPayment(intentId)),
    cancelPayment: (intentId, key) =>
      guarded('cancelPayment', () => inner.cancelPayment(intentId, key)),
    refund: (input) => guarded('refund', () => inner.refund(input)),
  }
}
