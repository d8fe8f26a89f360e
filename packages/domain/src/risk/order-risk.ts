import type { Money } from '../money'

/** What the checkout knows about an order and its buyer when it screens it for fraud. */
export interface OrderRiskSignals {
  total: Money
  /** The account's earlier orders that were paid (0 = this is its first). */
  paidOrdersBefore: number
  /** Orders placed in the velocity window by the same account, IP and card (this one excluded). */
  recentOrdersByAccount: number
  recentOrdersByIp: number
  recentOrdersByCard: number
  /** Declined payment attempts by the account in the decline window. */
  recentDeclines: number
  /** ISO country codes; a missing billing country (card without one) is no mismatch. */
  billingCountry: string | null
  shippingCountry: string
}

/** Limits the rules compare against; each rule adds its points when its limit is passed. */
export interface RiskThresholds {
  accountVelocity: number
  ipVelocity: number
  cardVelocity: number
  /** A first order at or above this many minor units of its currency is high value. */
  firstOrderHighValue: Readonly<Record<string, number>>
  declines: number
  /** At or above this score an order is held for an administrator's review. */
  reviewScore: number
}

export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = {
  accountVelocity: 3,
  ipVelocity: 5,
  cardVelocity: 3,
  firstOrderHighValue: { USD: 100_000, EUR: 100_000, GBP: 80_000 },
  declines: 3,
  reviewScore: 50,
}

export const RISK_REASON_CODES = [
  'account_velocity',
  'ip_velocity',
  'card_velocity',
  'first_order_high_value',
  'billing_shipping_mismatch',
  'repeated_declines',
] as const

/** Why an order looks risky: a code for machines, points toward the score, a message for the reviewer. */
export interface RiskReason {
  code: (typeof RISK_REASON_CODES)[number]
  points: number
  message: string
}

/** The screening's verdict: `review` orders wait for an administrator before they are charged. */
export interface RiskAssessment {
  score: number
  decision: 'accept' | 'review'
  reasons: RiskReason[]
}

type Rule = (s: OrderRiskSignals, t: RiskThresholds) => RiskReason | null

const velocity =
  (
    code: 'account_velocity' | 'ip_velocity' | 'card_velocity',
    who: string,
    count: (s: OrderRiskSignals) => number,
    limit: (t: RiskThresholds) => number,
    points: number,
  ): Rule =>
  (s, t) =>
    count(s) >= limit(t)
      ? { code, points, message: `${count(s)} recent orders from the same ${who}.` }
      : null

/** Many orders from one account in a short time. */
export const accountVelocityRule = velocity(
  'account_velocity',
  'account',
  (s) => s.recentOrdersByAccount,
  (t) => t.accountVelocity,
  30,
)
/** Many orders from one network address (several accounts, one buyer). */
export const ipVelocityRule = velocity(
  'ip_velocity',
  'IP address',
  (s) => s.recentOrdersByIp,
  (t) => t.ipVelocity,
  25,
)
/** One card used for many orders (card testing, shared stolen card). */
export const cardVelocityRule = velocity(
  'card_velocity',
  'card',
  (s) => s.recentOrdersByCard,
  (t) => t.cardVelocity,
  30,
)

/** A new account whose first order is large. */
export const firstOrderHighValueRule: Rule = (s, t) => {
  const limit = t.firstOrderHighValue[s.total.currency]
  if (s.paidOrdersBefore > 0 || limit === undefined || s.total.amount < limit) return null
  return {
    code: 'first_order_high_value',
    points: 35,
    message: `First order of the account is ${s.total.amount} ${s.total.currency} minor units (limit ${limit}).`,
  }
}

/** The card's country is not where the goods go. */
export const billingShippingMismatchRule: Rule = (s) =>
  s.billingCountry !== null && s.billingCountry.toUpperCase() !== s.shippingCountry.toUpperCase()
    ? {
        code: 'billing_shipping_mismatch',
        points: 20,
        message: `Card country ${s.billingCountry} differs from shipping country ${s.shippingCountry}.`,
      }
    : null

/** Several declined cards in a row before this attempt. */
export const repeatedDeclinesRule: Rule = (s, t) =>
  s.recentDeclines >= t.declines
    ? {
        code: 'repeated_declines',
        points: 30,
        message: `${s.recentDeclines} declined payments recently.`,
      }
    : null

const RULES: Rule[] = [
  accountVelocityRule,
  ipVelocityRule,
  cardVelocityRule,
  firstOrderHighValueRule,
  billingShippingMismatchRule,
  repeatedDeclinesRule,
]

/** Scores an order (0–100, sum of the fired rules' points, capped) and decides whether it needs review. */
export function assessOrderRisk(
  signals: OrderRiskSignals,
  thresholds: RiskThresholds = DEFAULT_RISK_THRESHOLDS,
): RiskAssessment {
  const reasons = RULES.map((rule) => rule(signals, thresholds)).filter(
    (r): r is RiskReason => r !== null,
  )
  const score = Math.min(
    100,
    reasons.reduce((sum, r) => sum + r.points, 0),
  )
  return { score, decision: score >= thresholds.reviewScore ? 'review' : 'accept', reasons }
}
