import Stripe from 'stripe'
import type { Config } from './config'

export type { Stripe }

/**
 * Stripe SDK client when STRIPE_SECRET_KEY is set (STRIPE_API_URL points it at stripe-mock locally);
 * undefined means "use the built-in test payment gateway".
 */
export function createStripe(
  config: Pick<Config, 'STRIPE_SECRET_KEY' | 'STRIPE_API_URL'>,
): Stripe | undefined {
  if (!config.STRIPE_SECRET_KEY) return undefined
  const options: Stripe.StripeConfig = { maxNetworkRetries: 2, timeout: 10_000 }
  if (config.STRIPE_API_URL) {
    const url = new URL(config.STRIPE_API_URL)
    options.host = url.hostname
    options.port = Number(url.port || (url.protocol === 'https:' ? 443 : 80))
    options.protocol = url.protocol === 'https:' ? 'https' : 'http'
  }
  return new Stripe(config.STRIPE_SECRET_KEY, options)
}
