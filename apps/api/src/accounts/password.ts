import { hash, verify } from '@node-rs/argon2'

/** OWASP's argon2id recommendation: 19 MiB memory, 2 iterations, 1 lane. */
const ARGON2ID = {
  algorithm: 2 /* Argon2id */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const

/** Hashes a password with argon2id (OWASP parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID)
}

// A real hash of a random password, verified against when the account does not exist,
// so an unknown email costs the same time as a wrong password (no user enumeration by timing).
let dummyHash: Promise<string> | undefined

/** Verifies a password; with no stored hash it still spends the time of one verification and returns false. */
export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword(`dummy-${Math.random()}`)
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  return verify(storedHash, password)
}
