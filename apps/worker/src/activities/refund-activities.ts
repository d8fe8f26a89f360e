import { completeRefund, failRefund, reserveRefund } from '@emporium/db'
import { GatewayUnavailableError, type Logger, type PaymentGateway } from '@emporium/infra'
import { GATEWAY_REFUSED_REFUND, type RefundActivities } from '@emporium/workflows'
import { ApplicationFailure } from '@temporalio/activity'
import type { WorkerDeps } from '../deps'

/** Activities of refundWorkflow, over the database and the (circuit-broken) payment gateway. */
export function createRefundActivities({
  db,
  logger,
  paymentGateway,
}: Pick<WorkerDeps, 'db'> & { logger: Logger; paymentGateway: PaymentGateway }): RefundActivities {
  return {
    async reserveRefund(input) {
      const result = await reserveRefund(db, {
        orderId: input.orderId,
        requestKey: input.requestKey,
        amountMinor: input.amountMinor,
        items: input.items,
        restock: input.restock,
        reason: input.reason,
        requestedBy: input.requestedBy,
        sellerId: input.sellerId,
      })
      if (!result.ok) return result
      return {
        ok: true,
        refundId: result.refundId,
        intentId: result.intentId,
        amountMinor: result.amountMinor,
        currency: result.currency,
        status: result.status,
      }
    },

    async refundPayment({ refundId, intentId, amountMinor, currency, reason }) {
      try {
        const refund = await paymentGateway.refund({
          intentId,
          amount: { amount: amountMinor, currency },
          // Derived from the refund id: a retried activity never refunds twice.
          idempotencyKey: `refund:${refundId}`,
          ...(reason ? { reason } : {}),
        })
        return { gatewayRefundId: refund.refundId, status: refund.status }
      } catch (error) {
        // Outages (and an open circuit) are retried by the workflow's back-off.
        if (error instanceof GatewayUnavailableError) throw error
        logger.warn({ err: error, refundId, intentId }, 'gateway refused a refund')
        const message = error instanceof Error ? error.message : String(error)
        throw ApplicationFailure.create({
          type: GATEWAY_REFUSED_REFUND,
          message: `The payment gateway refused the refund: ${message}`,
          nonRetryable: true,
          cause: error instanceof Error ? error : undefined,
        })
      }
    },

    async completeRefund(input) {
      const result = await completeRefund(db, input)
      if (result.applied) {
        logger.info(
          { refundId: input.refundId, orderStatus: result.orderStatus },
          'refund completed',
        )
      }
      return { orderStatus: result.orderStatus, restockedUnits: result.restockedUnits }
    },

    async failRefund(input) {
      await failRefund(db, input)
      logger.warn({ refundId: input.refundId, message: input.message }, 'refund failed')
    },
  }
}
