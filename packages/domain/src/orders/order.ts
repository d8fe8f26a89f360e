import { z } from 'zod'
import { CurrencyCodeSchema, MoneySchema } from '../money'
import { LockedExchangeRateSchema } from '../pricing'
import { OrderStatusSchema } from './order-status'

/** One recorded status change of an order. */
export const StatusHistoryEntrySchema = z.object({
  from: OrderStatusSchema,
  to: OrderStatusSchema,
  at: z.iso.datetime({ offset: true }),
  reason: z.string().optional(),
})

/**
 * An order's status and what is needed to reason about it: the captured payment, the refunds
 * made so far, and the exchange rate inherited from the cart when it was paid in another currency.
 */
export const OrderSchema = z.object({
  id: z.string().min(1),
  status: OrderStatusSchema,
  currency: CurrencyCodeSchema,
  captured: MoneySchema.optional(),
  refunds: z.array(MoneySchema),
  exchangeRate: LockedExchangeRateSchema.optional(),
  history: z.array(StatusHistoryEntrySchema),
})

/** One recorded status change of an order (see `StatusHistoryEntrySchema`). */
export type StatusHistoryEntry = z.infer<typeof StatusHistoryEntrySchema>
/** An order (see `OrderSchema`). */
export type Order = z.infer<typeof OrderSchema>
