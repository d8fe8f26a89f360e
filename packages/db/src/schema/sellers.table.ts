import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { SellerStatus } from './enums'

/** Seller stores. */
export interface SellerTable {
  id: Generated<string>
  user_id: string
  store_name: string
  slug: string
  contact_email: string
  payout_currency: string
  status: Generated<SellerStatus>
  /** Why an admin suspended the store; null unless suspended. */
  suspension_reason: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type Seller = Selectable<SellerTable>
export type NewSeller = Insertable<SellerTable>
export type SellerUpdate = Updateable<SellerTable>
