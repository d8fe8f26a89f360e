import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { FulfillmentStatus } from './enums'

/** The part of an order one seller ships. */
export interface FulfillmentTable {
  id: Generated<string>
  order_id: string
  seller_id: string
  status: Generated<FulfillmentStatus>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type Fulfillment = Selectable<FulfillmentTable>
export type NewFulfillment = Insertable<FulfillmentTable>
export type FulfillmentUpdate = Updateable<FulfillmentTable>
