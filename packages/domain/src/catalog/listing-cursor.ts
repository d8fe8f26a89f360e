import type { ListingSort } from './listing'

/** Where a listing page ends: the last row's sort key (decimal text) and id, under one sort order. */
export interface ListingCursor {
  sort: ListingSort
  key: string
  id: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
// Every sort key is a non-negative integer or decimal (micro-seconds since 1970, minor units,
// popularity, rating), so it survives the trip through text exactly.
const DECIMAL = /^\d{1,20}(\.\d{1,6})?$/
const SORTS: readonly string[] = ['newest', 'price_asc', 'price_desc', 'popularity', 'rating']

/** Encodes a cursor as opaque URL-safe base64 text. */
export function encodeListingCursor(cursor: ListingCursor): string {
  const json = JSON.stringify([cursor.sort, cursor.key, cursor.id])
  return btoa(json).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

/** Decodes a cursor made by `encodeListingCursor`; null when the text is not one. */
export function decodeListingCursor(text: string): ListingCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(atob(text.replaceAll('-', '+').replaceAll('_', '/')))
  } catch {
    return null
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null
  const [sort, key, id] = parsed as unknown[]
  if (typeof sort !== 'string' || !SORTS.includes(sort)) return null
  if (typeof key !== 'string' || !DECIMAL.test(key)) return null
  if (typeof id !== 'string' || !UUID.test(id)) return null
  return { sort: sort as ListingSort, key, id }
}
