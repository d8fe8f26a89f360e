import type { AnyProcedure } from '@trpc/server'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { appRouter } from '../root'

type Def = { type: string; [key: string]: unknown }
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def

/** String formats whose pattern already fixes a short length (ids, ISO dates and times, addresses). */
const BOUNDED_FORMATS = new Set([
  'uuid',
  'guid',
  'cuid',
  'cuid2',
  'ulid',
  'nanoid',
  'xid',
  'ksuid',
  'datetime',
  'date',
  'time',
  'ipv4',
  'ipv6',
  'e164',
])

/** A `.regex()` anchored at both ends with only bounded repetition (`{0,63}`, never `*`, `+` or `{n,}`). */
function isBoundedPatternCheck(check: unknown): boolean {
  const def = (check as { _zod: { def: { format?: string; pattern?: RegExp } } })._zod.def
  if (def.format !== 'regex' || !def.pattern) return false
  const source = def.pattern.source
  return source.startsWith('^') && source.endsWith('$') && !/(^|[^\\])([*+]|\{\d+,\})/.test(source)
}

/**
 * Paths (like `input.lines[].note`) of every string in a schema that has no maximum length and no
 * fixed-length format; enums and literals are bounded by definition.
 */
function unboundedStrings(schema: unknown, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return []
  seen.add(schema)
  const def = defOf(schema)
  const walk = (inner: unknown, suffix = '') => unboundedStrings(inner, path + suffix, seen)
  switch (def.type) {
    case 'string': {
      const { maxLength, format } = schema as z.ZodString
      const bounded =
        (maxLength !== null && maxLength !== undefined) ||
        BOUNDED_FORMATS.has(format ?? '') ||
        ((def.checks as unknown[] | undefined) ?? []).some(isBoundedPatternCheck)
      return bounded ? [] : [path]
    }
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, value]) =>
        walk(value, `.${key}`),
      )
    case 'array':
      return walk(def.element, '[]')
    case 'set':
      return walk(def.valueType, '[]')
    case 'record':
    case 'map':
      return [...walk(def.keyType, '{key}'), ...walk(def.valueType, '{value}')]
    case 'tuple':
      return (def.items as unknown[]).flatMap((item, i) => walk(item, `[${i}]`))
    case 'union':
      return (def.options as unknown[]).flatMap((option, i) => walk(option, `|${i}`))
    case 'intersection':
      return [...walk(def.left), ...walk(def.right)]
    case 'pipe':
      return walk(def.in)
    case 'lazy':
      return walk((def.getter as () => unknown)())
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return walk(def.innerType)
    default:
      return []
  }
}

describe('string input limits', () => {
  it('every string in every procedure input has a maximum length', () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>
    const offenders = Object.entries(procedures).flatMap(([name, procedure]) =>
      (procedure._def.inputs as unknown[]).flatMap((input) => unboundedStrings(input, name)),
    )
    expect(offenders).toEqual([])
  })

  it('the walker finds strings without a maximum wherever they are nested', () => {
    const schema = z.object({
      ok: z.string().max(10),
      bare: z.string(),
      code: z.string().regex(/^[A-Z]{3}$/),
      open: z.string().regex(/^[a-z]+$/),
      list: z.array(z.object({ note: z.string().optional() })),
      choice: z.union([z.literal('a'), z.string().trim()]),
      map: z.record(z.string().max(5), z.string().nullable()),
      kind: z.enum(['x', 'y']),
    })
    expect(unboundedStrings(schema, 'input')).toEqual([
      'input.bare',
      'input.open',
      'input.list[].note',
      'input.choice|1',
      'input.map{value}',
    ])
  })
})
