/** A safe in-app path to continue to after signing in (never another site), defaulting to the account page. */
export function safeReturnTo(value: string | null): string {
  return value && /^\/(?![/\\])/.test(value) ? value : '/account'
}
