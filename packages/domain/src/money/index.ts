export {
  CURRENCY_CODES,
  CURRENCY_EXPONENTS,
  CurrencyCodeSchema,
  currencyExponent,
  isCurrencyCode,
  parseCurrency,
  type CurrencyCode,
} from './currency'
export {
  MoneySchema,
  assertMoney,
  assertSameCurrency,
  fromBigInt,
  money,
  zero,
  type Money,
} from './money'
export {
  ROUNDING_MODES,
  RoundingModeSchema,
  assertRoundingMode,
  divideRounded,
  type RoundingMode,
} from './rounding'
export { add, subtract, negate, sum, multiply, multiplyByRatio, percentage } from './arithmetic'
export { compare, equals, isZero, isNegative, isPositive, min, max } from './compare'
export { parseDecimal, fromMajor, toDecimalString, type ParseDecimalOptions } from './decimal'
export { allocate, split } from './allocate'
export { format } from './format'
