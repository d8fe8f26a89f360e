import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * Postal addresses; exactly one default per user that has any. full_name, line1, line2, city,
 * postal_code and phone hold sealed values (read them through `accounts/addresses.ts`).
 */
export interface AddressTable {
  id: Generated<string>
  user_id: string
  full_name: string
  line1: string
  line2: string | null
  city: string
  region: string | null
  postal_code: string
  country: string
  phone: string | null
  /** Key the personal fields are sealed with; null = a row from before encryption (plaintext). */
  pii_key_id: string | null
  is_default: Generated<boolean>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}

export type Address = Selectable<AddressTable>
export type NewAddress = Insertable<AddressTable>
export type AddressUpdate = Updateable<AddressTable>
