import type { ColumnType } from 'kysely'

/**
 * A jsonb column: read as the parsed value, written as a JSON string. node-postgres would turn a JS
 * array into a Postgres array literal, so writes go through `JSON.stringify` (see `toJson`).
 */
export type JsonColumn<T> = ColumnType<T, string, string>

/** A jsonb column with a database default, so inserts may leave it out. */
export type JsonColumnWithDefault<T> = ColumnType<T, string | undefined, string>
