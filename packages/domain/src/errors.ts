/** Machine-readable codes for expected domain refusals; the API maps these to tRPC errors. */
export type DomainErrorCode =
  | 'CURRENCY_MISMATCH'
  | 'MONEY_OVERFLOW'
  | 'INVALID_AMOUNT'
  | 'UNKNOWN_CURRENCY'
  | 'INVALID_ARGUMENT'
  | 'INVALID_TRANSITION'
  | 'REFUND_EXCEEDS_REMAINING'
  | 'INSUFFICIENT_STOCK'

/** Base class of every error a domain rule throws on purpose; `code` is stable, `message` is for people. */
export class DomainError extends Error {
  readonly code: DomainErrorCode

  constructor(code: DomainErrorCode, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.code = code
  }
}

/** Two amounts in different currencies were combined or compared. */
export class CurrencyMismatchError extends DomainError {
  readonly expected: string
  readonly actual: string

  constructor(expected: string, actual: string) {
    super(
      'CURRENCY_MISMATCH',
      `Cannot combine amounts in different currencies: ${expected} and ${actual}`,
    )
    this.expected = expected
    this.actual = actual
  }
}

/** A money result would leave the safe integer range, so a minor unit could be lost. */
export class MoneyOverflowError extends DomainError {
  readonly currency: string
  /** The exact result that did not fit, as a decimal string of minor units. */
  readonly result: string

  constructor(currency: string, result: bigint, operation: string) {
    super(
      'MONEY_OVERFLOW',
      `${operation} overflows: ${result} ${currency} minor units is beyond the largest amount that can be stored exactly (±${Number.MAX_SAFE_INTEGER})`,
    )
    this.currency = currency
    this.result = result.toString()
  }
}

/** An amount is not a whole number of minor units, or a decimal string could not be read. */
export class InvalidAmountError extends DomainError {
  constructor(message: string) {
    super('INVALID_AMOUNT', message)
  }
}

/** A currency code is malformed or not one the shop supports. */
export class UnknownCurrencyError extends DomainError {
  readonly currency: string

  constructor(currency: string, supported: readonly string[]) {
    super(
      'UNKNOWN_CURRENCY',
      `Unknown currency ${JSON.stringify(currency)}: expected an uppercase ISO 4217 code, one of ${supported.join(', ')}`,
    )
    this.currency = currency
  }
}

/** A non-money argument (ratio, quantity, rounding mode, count) is out of its allowed range. */
export class InvalidArgumentError extends DomainError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message)
  }
}

/** An order was asked to move to a status its current status cannot reach. */
export class InvalidTransitionError extends DomainError {
  readonly from: string
  readonly to: string
  /** The statuses `from` can move to, so a caller can offer them instead. */
  readonly allowed: readonly string[]

  constructor(from: string, to: string, allowed: readonly string[], message: string) {
    super('INVALID_TRANSITION', message)
    this.from = from
    this.to = to
    this.allowed = allowed
  }
}

/** A refund asks for more than is left of the captured payment. */
export class RefundExceedsRemainingError extends DomainError {
  /** Minor units still refundable (same currency as the request). */
  readonly remaining: number
  /** Minor units that were requested. */
  readonly requested: number
  readonly currency: string

  constructor(remaining: number, requested: number, currency: string, message: string) {
    super('REFUND_EXCEEDS_REMAINING', message)
    this.remaining = remaining
    this.requested = requested
    this.currency = currency
  }
}

/** One SKU an order wants more of than the warehouses hold in total. */
export interface StockShortage {
  readonly sku: string
  readonly requested: number
  readonly available: number
  /** `requested − available`: how many units are missing. */
  readonly short: number
}

/** The warehouses together cannot supply every line of an order. */
export class InsufficientStockError extends DomainError {
  readonly shortages: readonly StockShortage[]

  constructor(shortages: readonly StockShortage[]) {
    const parts = shortages.map(
      (s) => `${s.sku}: ${s.requested} wanted, ${s.available} available (${s.short} short)`,
    )
    super('INSUFFICIENT_STOCK', `Not enough stock for ${parts.join('; ')}`)
    this.shortages = shortages
  }
}

/** True when `error` is one of the domain's typed errors. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError
}
