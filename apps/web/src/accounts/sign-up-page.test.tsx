// @vitest-environment jsdom
import { RegisterInput } from '@emporium/domain/accounts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderInDom } from '../forms/testing'
import { SignUpPage } from './sign-up-page'

let view: Awaited<ReturnType<typeof renderInDom>> | undefined
afterEach(async () => {
  await view?.unmount()
})

/** The messages the shared schema gives for `field` of `input`, as the form joins them. */
function schemaMessage(input: Record<string, string>, field: string): string | undefined {
  return RegisterInput.safeParse(input)
    .error?.issues.filter((i) => i.path[0] === field)
    .map((i) => i.message)
    .join(' ')
}

describe('the sign-up form, checked with the API’s RegisterInput', () => {
  it('shows the schema’s messages at the email and password fields and sends nothing', async () => {
    view = await renderInDom(<SignUpPage />)
    const form = view.container.querySelector('form')!
    const input = { displayName: '', email: 'not-an-email', password: 'short' }
    await view.submit(form, input)

    const email = form.elements.namedItem('email') as HTMLInputElement
    const password = form.elements.namedItem('password') as HTMLInputElement
    expect(email.getAttribute('aria-invalid')).toBe('true')
    expect(password.getAttribute('aria-invalid')).toBe('true')
    expect(view.describedErrorOf(email)).toBe(schemaMessage(input, 'email'))
    expect(view.describedErrorOf(email)).toBe('Enter a valid email address, like name@example.com')
    expect(view.describedErrorOf(password)).toBe(schemaMessage(input, 'password'))
    expect(view.describedErrorOf(password)).toMatch(/^Password must be at least \d+ characters/)
    // The optional name is fine empty.
    expect((form.elements.namedItem('displayName') as HTMLInputElement).ariaInvalid).toBeNull()
    expect(view.calledProcedures()).not.toContain('auth.register')
  })

  it('sends good details to auth.register', async () => {
    view = await renderInDom(<SignUpPage />)
    const form = view.container.querySelector('form')!
    await view.submit(form, {
      displayName: 'Ada',
      email: 'ada@example.com',
      password: 'a long enough passphrase',
    })
    // The request starts once the mutation runs, a moment after the submit.
    await vi.waitFor(() => expect(view?.calledProcedures()).toContain('auth.register'))
  })
})
