import { hash } from '@node-rs/argon2'
import type { Db } from '../client'
import type { UserRole } from '../schema'

/** OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane. */
export const ARGON2_OPTIONS = {
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const

/** A demo account created by the seed; the password is printed so developers can sign in. */
export interface DemoUser {
  email: string
  password: string
  role: UserRole
  displayName: string
}

/** One account per role; seller@ owns the first demo store. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'customer@emporium.local',
    password: 'customer-demo-1',
    role: 'customer',
    displayName: 'Casey Customer',
  },
  {
    email: 'seller@emporium.local',
    password: 'seller-demo-1',
    role: 'seller',
    displayName: 'Sam Seller',
  },
  {
    email: 'admin@emporium.local',
    password: 'admin-demo-1',
    role: 'admin',
    displayName: 'Ada Admin',
  },
  // Owners of the other two demo stores.
  {
    email: 'cases-seller@emporium.local',
    password: 'seller-demo-2',
    role: 'seller',
    displayName: 'Cleo Cases',
  },
  {
    email: 'gear-seller@emporium.local',
    password: 'seller-demo-3',
    role: 'seller',
    displayName: 'Gus Gear',
  },
]

/** Creates or refreshes the demo accounts; returns user ids by email. */
export async function seedDemoUsers(db: Db): Promise<Map<string, string>> {
  const rows = await Promise.all(
    DEMO_USERS.map(async (u) => ({
      email: u.email,
      password_hash: await hash(u.password, ARGON2_OPTIONS),
      role: u.role,
      display_name: u.displayName,
      email_verified_at: new Date(),
    })),
  )
  const saved = await db
    .insertInto('users')
    .values(rows)
    .onConflict((oc) =>
      oc.column('email').doUpdateSet((eb) => ({
        password_hash: eb.ref('excluded.password_hash'),
        role: eb.ref('excluded.role'),
        display_name: eb.ref('excluded.display_name'),
        updated_at: new Date(),
      })),
    )
    .returning(['id', 'email'])
    .execute()
  return new Map(saved.map((r) => [r.email, r.id]))
}
