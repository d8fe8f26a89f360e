import type { IncomingMessage } from 'node:http'

/**
 * trpc-to-openapi reads a REST query string by setting `coerce` on the procedure's own zod
 * schemas, on every REST call: from then on the tRPC procedure (same schema objects) would turn
 * "5" into 5 too, and JSON bodies would be loosened the same way. Instead, the REST handler pins
 * `coerce` on every input schema at start, and turns query strings into numbers and booleans
 * itself, from the input schema, before the library reads them (it takes `req.query` when set).
 */

interface ZodInternals {
  _zod: { def: ZodDef }
}

interface ZodDef {
  type: string
  coerce?: boolean
  shape?: Record<string, ZodInternals>
  element?: ZodInternals
  innerType?: ZodInternals
  in?: ZodInternals
  out?: ZodInternals
  options?: ZodInternals[]
  left?: ZodInternals
  right?: ZodInternals
  keyType?: ZodInternals
  valueType?: ZodInternals
  items?: ZodInternals[]
  rest?: ZodInternals | null
  getter?: () => ZodInternals
}

const COERCIBLE = new Set(['number', 'boolean', 'bigint', 'date'])
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'])

function isZod(value: unknown): value is ZodInternals {
  return typeof (value as ZodInternals | undefined)?._zod?.def?.type === 'string'
}

function childrenOf(def: ZodDef): unknown[] {
  const shape = def.type === 'object' ? Object.values(def.shape ?? {}) : []
  const lazy = def.type === 'lazy' && def.getter ? [def.getter()] : []
  return [
    ...shape,
    ...lazy,
    def.element,
    def.innerType,
    def.in,
    def.out,
    ...(def.options ?? []),
    def.left,
    def.right,
    def.keyType,
    def.valueType,
    ...(def.items ?? []),
    def.rest,
  ]
}

/** Makes `coerce` of every number, boolean, bigint and date schema inside `schema` read-only (writes are ignored). */
export function pinCoercion(schema: unknown, seen = new Set<ZodDef>()): void {
  if (!isZod(schema)) return
  const def = schema._zod.def
  if (seen.has(def)) return
  seen.add(def)
  if (COERCIBLE.has(def.type)) {
    const descriptor = Object.getOwnPropertyDescriptor(def, 'coerce')
    if (!descriptor?.get) {
      const pinned = def.coerce
      Object.defineProperty(def, 'coerce', {
        get: () => pinned,
        set: () => undefined,
        enumerable: true,
        configurable: false,
      })
    }
  }
  for (const child of childrenOf(def)) pinCoercion(child, seen)
}

/** The schema under optional/nullable/default/… wrappers, lazies and (input side of) pipes. */
function unwrap(schema: ZodInternals): ZodInternals {
  const def = schema._zod.def
  if (WRAPPERS.has(def.type) && def.innerType) return unwrap(def.innerType)
  if (def.type === 'lazy' && def.getter) return unwrap(def.getter())
  if (def.type === 'pipe' && def.in) return unwrap(def.in)
  return schema
}

/** A query-string value as the field's type wants it; a value that does not read as one stays text (zod then refuses it). */
function readValue(field: ZodInternals | undefined, value: string): unknown {
  if (!field) return value
  const type = unwrap(field)._zod.def.type
  if (type === 'number' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value)
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true'
  if (type === 'bigint' && /^-?\d+$/.test(value)) return BigInt(value)
  if (type === 'date' && !Number.isNaN(Date.parse(value))) return new Date(value)
  return value
}

/**
 * Sets `req.query` from the URL's query string, each value typed from the procedure's input
 * schemas (`?limit=5` → 5). Values stay in one-element lists so the library keeps 0 and false.
 */
export function setTypedQuery(req: IncomingMessage, url: URL, inputs: readonly unknown[]): void {
  const shape = new Map<string, ZodInternals>()
  for (const input of inputs) {
    const schema = isZod(input) ? unwrap(input) : undefined
    if (schema?._zod.def.type !== 'object') continue
    for (const [key, field] of Object.entries(schema._zod.def.shape ?? {})) shape.set(key, field)
  }
  // A null-prototype object: a key such as `__proto__` or `constructor` is only a key.
  const query: Record<string, unknown[]> = Object.create(null) as Record<string, unknown[]>
  for (const key of new Set(url.searchParams.keys())) {
    const declared = shape.get(key)
    const field = declared ? unwrap(declared) : undefined
    const item = field?._zod.def.type === 'array' ? field._zod.def.element : field
    query[key] = url.searchParams.getAll(key).map((value) => readValue(item, value))
  }
  ;(req as IncomingMessage & { query?: unknown }).query = query
}

interface RestProcedureDef {
  inputs: unknown[]
  meta?: { openapi?: { method: string; path: string } }
}

/**
 * Pins coercion on the input schemas of every procedure served as REST, and returns the input
 * schemas of those read from a query string (GET), by lower-case REST path.
 */
export function prepareRestInputs(procedures: Record<string, unknown>): Map<string, unknown[]> {
  const queryInputs = new Map<string, unknown[]>()
  for (const procedure of Object.values(procedures)) {
    const def = (procedure as { _def: RestProcedureDef })._def
    const openapi = def.meta?.openapi
    if (!openapi) continue
    for (const input of def.inputs) pinCoercion(input)
    if (openapi.method === 'GET') queryInputs.set(openapi.path.toLowerCase(), def.inputs)
  }
  return queryInputs
}
