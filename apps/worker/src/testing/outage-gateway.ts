import { GatewayUnavailableError, type PaymentGateway } from '@emporium/infra'

/** The `inner` gateway, down (every charge an outage) until `recover()`. */
export function outageGateway(inner: PaymentGateway) {
  const state = { down: true }
  const gateway: PaymentGateway = {
    ...inner,
    createPayment: async (input) => {
      if (state.down) throw new GatewayUnavailableError('test gateway: connection refused')
      return inner.createPayment(input)
    },
  }
  return { gateway, recover: () => (state.down = false) }
}
