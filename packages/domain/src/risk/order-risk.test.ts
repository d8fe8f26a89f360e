import { describe, expect, it } from 'vitest'
import { money } from '../money'
import {
  accountVelocityRule,
  assessOrderRisk,
  billingShippingMismatchRule,
  cardVelocityRule,
  DEFAULT_RISK_THRESHOLDS as T,
  firstOrderHighValueRule,
  ipVelocityRule,
  repeatedDeclinesRule,
  type OrderRiskSignals,
} from './order-risk'

const calm: OrderRiskSignals = {
  total: money(5_000, 'USD'),
  paidOrdersBefore: 4,
  recentOrdersByAccount: 0,
  recentOrdersByIp: 0,
  recentOrdersByCard: 0,
  recentDeclines: 0,
  billingCountry: 'US',
  shippingCountry: 'US',
}
const codes = (s: OrderRiskSignals) => assessOrderRisk(s).reasons.map((r) => r.code)

describe('fraud rules', () => {
  it('account velocity fires at its limit, not below', () => {
    expect(accountVelocityRule({ ...calm, recentOrdersByAccount: 2 }, T)).toBeNull()
    expect(accountVelocityRule({ ...calm, recentOrdersByAccount: 3 }, T)).toMatchObject({
      code: 'account_velocity',
      points: 30,
      message: '3 recent orders from the same account.',
    })
  })

  it('IP velocity fires at its limit, not below', () => {
    expect(ipVelocityRule({ ...calm, recentOrdersByIp: 4 }, T)).toBeNull()
    expect(ipVelocityRule({ ...calm, recentOrdersByIp: 5 }, T)?.code).toBe('ip_velocity')
  })

  it('card velocity fires at its limit, not below', () => {
    expect(cardVelocityRule({ ...calm, recentOrdersByCard: 2 }, T)).toBeNull()
    expect(cardVelocityRule({ ...calm, recentOrdersByCard: 3 }, T)?.code).toBe('card_velocity')
  })

  it('a high first order fires; the same amount from a returning buyer or in an unknown currency does not', () => {
    const big = { ...calm, paidOrdersBefore: 0, total: money(100_000, 'USD') }
    expect(firstOrderHighValueRule(big, T)?.code).toBe('first_order_high_value')
    expect(firstOrderHighValueRule({ ...big, total: money(99_999, 'USD') }, T)).toBeNull()
    expect(firstOrderHighValueRule({ ...big, paidOrdersBefore: 1 }, T)).toBeNull()
    expect(firstOrderHighValueRule({ ...big, total: money(100_000, 'JPY') }, T)).toBeNull()
  })

  it('billing/shipping mismatch compares countries case-insensitively and ignores an unknown billing country', () => {
    expect(billingShippingMismatchRule({ ...calm, billingCountry: 'us' }, T)).toBeNull()
    expect(billingShippingMismatchRule({ ...calm, billingCountry: null }, T)).toBeNull()
    expect(billingShippingMismatchRule({ ...calm, billingCountry: 'NG' }, T)).toMatchObject({
      code: 'billing_shipping_mismatch',
      message: 'Card country NG differs from shipping country US.',
    })
  })

  it('repeated declines fire at the limit', () => {
    expect(repeatedDeclinesRule({ ...calm, recentDeclines: 2 }, T)).toBeNull()
    expect(repeatedDeclinesRule({ ...calm, recentDeclines: 3 }, T)?.points).toBe(30)
  })
})

describe('assessOrderRisk', () => {
  it('accepts an ordinary order from a returning buyer with score 0', () => {
    expect(assessOrderRisk(calm)).toEqual({ score: 0, decision: 'accept', reasons: [] })
  })

  it('one weak signal alone is accepted with its reason kept', () => {
    const result = assessOrderRisk({ ...calm, billingCountry: 'CA' })
    expect(result).toMatchObject({ score: 20, decision: 'accept' })
    expect(result.reasons.map((r) => r.code)).toEqual(['billing_shipping_mismatch'])
  })

  it('holds a big first order shipped away from the card country for review', () => {
    const risky = {
      ...calm,
      paidOrdersBefore: 0,
      total: money(250_000, 'USD'),
      billingCountry: 'GB',
    }
    expect(assessOrderRisk(risky)).toMatchObject({ score: 55, decision: 'review' })
    expect(codes(risky)).toEqual(['first_order_high_value', 'billing_shipping_mismatch'])
  })

  it('caps the score at 100 when every rule fires', () => {
    const everything: OrderRiskSignals = {
      total: money(500_000, 'USD'),
      paidOrdersBefore: 0,
      recentOrdersByAccount: 9,
      recentOrdersByIp: 9,
      recentOrdersByCard: 9,
      recentDeclines: 9,
      billingCountry: 'FR',
      shippingCountry: 'US',
    }
    expect(assessOrderRisk(everything)).toMatchObject({ score: 100, decision: 'review' })
    expect(codes(everything)).toHaveLength(6)
  })

  it('honours custom thresholds', () => {
    const strict = { ...T, reviewScore: 20 }
    expect(assessOrderRisk({ ...calm, billingCountry: 'CA' }, strict).decision).toBe('review')
  })
})
