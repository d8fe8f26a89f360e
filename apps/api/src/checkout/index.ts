export { cancelCheckout, checkoutProgress, updatePaymentMethod } from './checkout-progress'
export { CheckoutProgressView, CheckoutRef, PlaceOrderInput } from './checkout-schemas'
export { IDEMPOTENCY_HEADER, requireIdempotencyKey } from './idempotency-key'
export { startCheckout, type CheckoutHandleRef } from './start-checkout'
