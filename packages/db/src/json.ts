/** Serializes a value for a jsonb column (see `JsonColumn`): arrays must not reach pg as JS arrays. */
export function toJson(value: unknown): string {
  return JSON.stringify(value)
}
