import { createHash } from 'node:crypto'
import { BlockList, isIP } from 'node:net'
import {
  countRiskSignals,
  extendReservation,
  recordRiskScreening,
  settleRiskReview,
  type Db,
} from '@emporium/db'
import { money, parseCurrency } from '@emporium/domain'
import {
  assessOrderRisk,
  DEFAULT_RISK_THRESHOLDS,
  type RiskThresholds,
} from '@emporium/domain/risk'
import { isTestCardToken, type Logger } from '@emporium/infra'
import type { FraudReviewActivities } from '@emporium/workflows'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

// Our own networks: an order from these says nothing about who the buyer is (a local shop, a
// proxy that is not trusted), so it is not counted towards IP velocity.
const NOT_A_BUYER = new BlockList()
NOT_A_BUYER.addSubnet('127.0.0.0', 8, 'ipv4')
NOT_A_BUYER.addSubnet('10.0.0.0', 8, 'ipv4')
NOT_A_BUYER.addSubnet('172.16.0.0', 12, 'ipv4')
NOT_A_BUYER.addSubnet('192.168.0.0', 16, 'ipv4')
NOT_A_BUYER.addAddress('::1', 'ipv6')
NOT_A_BUYER.addSubnet('fc00::', 7, 'ipv6')

/** The IP as stored: IPv4-mapped IPv6 unwrapped; null when absent or not an IP ("internal"). */
export function normalizeIp(ip: string | null): string | null {
  if (ip === null) return null
  const plain = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
  return isIP(plain) === 0 ? null : plain
}

/** The IP as counted for velocity: null for our own networks. */
export function buyerIp(ip: string | null): string | null {
  if (ip === null) return null
  return NOT_A_BUYER.check(ip, isIP(ip) === 4 ? 'ipv4' : 'ipv6') ? null : ip
}

// Stripe's test-mode payment methods (pm_card_visa, …) are shared by every test, like our tokens.
const STRIPE_TEST_METHOD = /^pm_card_/

/**
 * A digest naming the payment method without keeping its token. The test gateway's tokens and
 * Stripe's test-mode methods name a kind of card shared by every shopper, not a card, so they
 * have no fingerprint.
 */
export function cardFingerprint(paymentMethodToken: string): string | null {
  if (isTestCardToken(paymentMethodToken) || STRIPE_TEST_METHOD.test(paymentMethodToken))
    return null
  return createHash('sha256').update(`payment-method:${paymentMethodToken}`).digest('hex')
}

async function billingCountry(db: Db, userId: string, addressId: string | null) {
  if (addressId === null || !UUID.test(addressId)) return null
  const row = await db
    .selectFrom('addresses')
    .select('country')
    .where('id', '=', addressId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row?.country ?? null
}

/** Fraud screening of checkouts over the database, with the domain's risk rules. */
export function createFraudReviewActivities(deps: {
  db: Db
  logger: Logger
  thresholds?: RiskThresholds
}): FraudReviewActivities {
  const { db, logger } = deps
  return {
    async screenOrder(input) {
      const storedIp = normalizeIp(input.clientIp)
      const clientIp = buyerIp(storedIp)
      const fingerprint = cardFingerprint(input.paymentMethodToken)
      const counts = await countRiskSignals(db, {
        orderId: input.orderId,
        userId: input.userId,
        clientIp,
        cardFingerprint: fingerprint,
        now: new Date(),
      })
      const assessment = assessOrderRisk(
        {
          ...counts,
          total: money(input.total.amount, parseCurrency(input.total.currency)),
          billingCountry: await billingCountry(db, input.userId, input.billingAddressId),
          shippingCountry: input.shippingCountry,
        },
        deps.thresholds ?? DEFAULT_RISK_THRESHOLDS,
      )
      const review = await recordRiskScreening(db, {
        orderId: input.orderId,
        userId: input.userId,
        checkoutWorkflowId: input.checkoutWorkflowId,
        score: assessment.score,
        reasons: assessment.reasons,
        held: assessment.decision === 'review',
        clientIp: storedIp,
        cardFingerprint: fingerprint,
      })
      const held = review.status !== 'accepted'
      if (held && input.ownerKey && input.holdReservationUntilMs) {
        await extendReservation(db, input.ownerKey, new Date(input.holdReservationUntilMs))
      }
      if (held) {
        logger.warn(
          { orderId: input.orderId, score: review.score, reasons: assessment.reasons },
          'order held for fraud review',
        )
      }
      return { reviewId: review.id, score: review.score, held }
    },

    async settleFraudReview({ orderId, status, adminId, note }) {
      await settleRiskReview(db, { orderId, status, decidedBy: adminId, note })
    },
  }
}
