import { z } from 'zod'
import { publicProcedure, router } from '../trpc'

const PaymentConfigView = z.object({
  /** The gateway orders are charged with: Stripe when a secret key is configured, else the built-in test gateway. */
  gateway: z.enum(['stripe', 'test']),
  /** Key for Stripe.js in the browser; null unless the gateway is Stripe and a publishable key is set. */
  stripePublishableKey: z.string().nullable(),
})

export const paymentsRouter = router({
  /** What the checkout page needs to collect a card: Stripe Elements or the test gateway's tokens. */
  config: publicProcedure.output(PaymentConfigView).query(({ ctx }) => {
    // The same decision createPaymentGateway makes: a Stripe client exists only with a secret key.
    const gateway = ctx.stripe ? ('stripe' as const) : ('test' as const)
    return {
      gateway,
      stripePublishableKey:
        gateway === 'stripe' ? (ctx.config.STRIPE_PUBLISHABLE_KEY ?? null) : null,
    }
  }),
})
