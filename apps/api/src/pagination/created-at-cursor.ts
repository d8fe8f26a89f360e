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
