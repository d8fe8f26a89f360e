// Entry of the workflow bundle: every workflow the worker registers is exported here.
export { greetCustomerWorkflow } from './greet-customer-workflow'
export { releaseExpiredReservationsWorkflow } from './release-expired-reservations-workflow'
export { refundWorkflow } from './refund-workflow'
export { paymentReconciliationWorkflow } from './payment-reconciliation-workflow'
export { checkoutWorkflow } from './checkout-workflow'
export { cartAbandonmentWorkflow } from './cart-abandonment-workflow'
export { dailyRecommendationsWorkflow } from './daily-recommendations-workflow'
