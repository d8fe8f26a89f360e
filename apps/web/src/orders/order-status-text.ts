import type { OrderSummary } from '../trpc'

/** An order status in words (`partially_shipped` → "Partially shipped"). */
export function orderStatusText(status: OrderSummary['status']): string {
  const words = status.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
