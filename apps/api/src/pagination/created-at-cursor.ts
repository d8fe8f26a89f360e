import { TRPCError } from '@trpc/server'
import { z } from 'zod'

/** Position in a list ordered by (created_at, id); created_at kept as Postgres text, microseconds included. */
const CreatedAtCursor = z.object({ createdAt: z.string().max(40), id: z.uuid() })
export type CreatedAtCursor = z.infer<typeof CreatedAtCursor>

/** Opaque page cursor handed to clients. */
export function encodeCursor(cursor: CreatedAtCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url')
}

/** Reads a page cursor back; a tampered or foreign one is a BAD_REQUEST a person understands. */
export function decodeCursor(cursor: string): CreatedAtCursor {
  try {
    return CreatedAtCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
  } catch (error) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'The page cursor is not valid. Start from the first page.',
      cause: error,
    })
  }
}

/**
 * One page from rows fetched with `limit + 1` (the extra row only says there is more): the first
 * `limit` rows as views, and the cursor of the last one when another page follows.
 */
export function createdAtPage<Row extends { cursor_created_at: string; id: string }, View>(
  rows: readonly Row[],
  limit: number,
  toView: (row: Row) => View,
): { items: View[]; nextCursor: string | null } {
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    items: page.map(toView),
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ createdAt: last.cursor_created_at, id: last.id })
        : null,
  }
}
