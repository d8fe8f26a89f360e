import { TRPCError } from '@trpc/server'

/**
 * Where a NUL character (U+0000) appears in `input`, as a dotted field path (`''` for the
 * input itself), or null when there is none. Keys are checked as well as values. PostgreSQL text
 * cannot hold NUL, so such input would otherwise fail deep in a query.
 */
export function nulCharacterPath(input: unknown): string | null {
  const pending: [value: unknown, path: string][] = [[input, '']]
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key
        if (key.includes('\u0000')) return childPath
        pending.push([child, childPath])
      }
    }
  }
  return null
}

/** Refuses an input holding a NUL character with a BAD_REQUEST naming the field. */
export function refuseNulCharacters(input: unknown): void {
  const path = nulCharacterPath(input)
  if (path === null) return
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: `${path ? `The field "${path.replaceAll('\u0000', '\\u0000')}"` : 'The input'} contains a NUL character (\\u0000), which text cannot hold. Remove it and try again.`,
  })
}
