import { describe, expect, it } from 'vitest'
import { EmailSchema, NewPasswordSchema, RegisterInput } from './credentials'

describe('EmailSchema', () => {
  it('normalizes case and surrounding spaces', () => {
    expect(EmailSchema.parse('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com')
  })

  it('refuses malformed addresses with a readable message', () => {
    const result = EmailSchema.safeParse('ada@')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(
      'Enter a valid email address, like name@example.com',
    )
  })

  it('refuses look-alike letters from other scripts', () => {
    const cyrillicA = '\u0430dmin@emporium.local'
    const result = EmailSchema.safeParse(cyrillicA)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/plain ASCII/)
  })
})

describe('NewPasswordSchema', () => {
  it('refuses a 10 kB password instead of hashing it', () => {
    const result = NewPasswordSchema.safeParse('x'.repeat(10_240))
    expect(result.error?.issues[0]?.message).toBe('Password must be at most 256 characters')
  })

  it('refuses short and blank passwords', () => {
    expect(NewPasswordSchema.safeParse('short').error?.issues[0]?.message).toBe(
      'Password must be at least 10 characters',
    )
    expect(NewPasswordSchema.safeParse(' '.repeat(12)).success).toBe(false)
  })

  it('accepts a long passphrase with unicode', () => {
    expect(
      RegisterInput.parse({ email: 'a@b.co', password: 'correct horse battery stäple' }).password,
    ).toBe('correct horse battery stäple')
  })
})
