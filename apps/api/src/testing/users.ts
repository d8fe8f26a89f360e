import { randomUUID } from 'node:crypto'
import { insertUser, type Db, type UserRole } from '@emporium/db'
import { hashPassword } from '../accounts/password'

export const TEST_PASSWORD = 'correct horse battery staple'

/** Creates a user straight in the database (verified email) and returns its credentials. */
export async function createTestUser(
  db: Db,
  role: UserRole = 'customer',
  email = `${role}-${randomUUID()}@example.test`,
) {
  const user = await insertUser(db, {
    email,
    passwordHash: await hashPassword(TEST_PASSWORD),
    role,
    emailVerifiedAt: new Date(),
  })
  if (!user) throw new Error(`test user ${email} already exists`)
  return { id: user.id, email, password: TEST_PASSWORD }
}
