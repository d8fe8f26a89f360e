import type { Money } from '../money'

/** Most variants one product may have (the product of its options' value counts). */
export const MAX_VARIANTS = 100

/** A variant ready to store: every option combination of a product becomes one. */
export interface VariantDraft {
  readonly sku: string
  readonly title: string
  readonly optionValues: Readonly<Record<string, string>>
  readonly position: number
  readonly prices: readonly Money[]
  readonly weightGrams: number | null
}

/** A problem with the options or variant overrides, at a path of the product input. */
export interface VariantIssue {
  readonly path: (string | number)[]
  readonly message: string
}

/** The parts of a product input that decide its variants. */
export interface VariantSource {
  readonly options: readonly { readonly name: string; readonly values: readonly string[] }[]
  readonly prices: readonly Money[]
  readonly variants: readonly {
    readonly options: Readonly<Record<string, string>>
    readonly sku?: string | undefined
    readonly prices?: readonly Money[] | undefined
    readonly weightGrams?: number | undefined
  }[]
}

/** The SKU segment for an option value: `Navy blue` → `NAVY-BLUE`, `Crème` → `CREME`. */
export function skuToken(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Default SKU prefix of a product: the first 8 hex digits of its id, uppercase. */
export function defaultSkuPrefix(productId: string): string {
  return productId.replace(/-/g, '').slice(0, 8).toUpperCase()
}

/** Every combination of the option values, the first option varying slowest. */
function combinations(options: VariantSource['options']): string[][] {
  return options.reduce<string[][]>(
    (acc, option) => acc.flatMap((combo) => option.values.map((value) => [...combo, value])),
    [[]],
  )
}

const sameKey = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

function checkOptions(options: VariantSource['options']): VariantIssue[] {
  const issues: VariantIssue[] = []
  options.forEach((option, i) => {
    if (options.slice(0, i).some((o) => sameKey(o.name, option.name)))
      issues.push({ path: ['options', i, 'name'], message: `Option "${option.name}" is repeated` })
    const tokens = new Map<string, string>()
    option.values.forEach((value, j) => {
      const token = skuToken(value)
      const earlier = tokens.get(token)
      if (token === '')
        issues.push({
          path: ['options', i, 'values', j],
          message: `Option value "${value}" needs a letter or digit`,
        })
      else if (earlier !== undefined)
        issues.push({
          path: ['options', i, 'values', j],
          message: `Option values "${earlier}" and "${value}" are the same`,
        })
      else tokens.set(token, value)
    })
  })
  const count = options.reduce((n, o) => n * o.values.length, 1)
  if (count > MAX_VARIANTS)
    issues.push({
      path: ['options'],
      message: `These options make ${count} variants; a product may have at most ${MAX_VARIANTS}`,
    })
  return issues
}

function mergePrices(base: readonly Money[], own: readonly Money[] | undefined): Money[] {
  const byCurrency = new Map(base.map((p) => [p.currency, p]))
  for (const p of own ?? []) byCurrency.set(p.currency, p)
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency))
}

/**
 * Builds one variant per option combination (one `Default` variant without options). A
 * variant's SKU is the override's, else `PREFIX-VALUE-VALUE` from `skuPrefix` and the values'
 * SKU tokens; its prices are the product's, replaced per currency by the override's.
 */
export function buildVariants(
  source: VariantSource,
  skuPrefix: string,
): { ok: true; variants: VariantDraft[] } | { ok: false; issues: VariantIssue[] } {
  const issues = checkOptions(source.options)
  if (issues.length > 0) return { ok: false, issues }
  const names = source.options.map((o) => o.name)
  const overrides = new Map<string, number>()
  source.variants.forEach((override, i) => {
    const keys = Object.keys(override.options)
    const combo = names.map((name) => override.options[name])
    const valid =
      keys.length === names.length &&
      combo.every((value, k) => value !== undefined && source.options[k]?.values.includes(value))
    const key = JSON.stringify(combo)
    if (!valid)
      issues.push({
        path: ['variants', i, 'options'],
        message: `No variant has the options ${JSON.stringify(override.options)}; name one value of each option (${names.join(', ') || 'none'})`,
      })
    else if (overrides.has(key))
      issues.push({ path: ['variants', i, 'options'], message: 'This variant is listed twice' })
    else overrides.set(key, i)
  })
  if (issues.length > 0) return { ok: false, issues }

  const variants = combinations(source.options).map((combo, position): VariantDraft => {
    const index = overrides.get(JSON.stringify(combo))
    const override = index === undefined ? undefined : source.variants[index]
    const generated = [skuPrefix, ...combo.map(skuToken)].join('-')
    return {
      sku: override?.sku ?? generated,
      title: combo.length === 0 ? 'Default' : combo.join(' / '),
      optionValues: Object.fromEntries(names.map((name, k) => [name, combo[k] ?? ''])),
      position,
      prices: mergePrices(source.prices, override?.prices),
      weightGrams: override?.weightGrams ?? null,
    }
  })
  const seen = new Set<string>()
  variants.forEach((variant) => {
    const key = variant.sku.toUpperCase()
    if (seen.has(key))
      issues.push({ path: ['variants'], message: `SKU ${variant.sku} is used by two variants` })
    seen.add(key)
  })
  return issues.length > 0 ? { ok: false, issues } : { ok: true, variants }
}

/** Why a product cannot be published yet (empty when it can): every variant needs a price. */
export function publishProblems(
  variants: readonly { readonly sku: string; readonly prices: readonly unknown[] }[],
): string[] {
  if (variants.length === 0) return ['The product has no variants']
  const unpriced = variants.filter((v) => v.prices.length === 0).map((v) => v.sku)
  return unpriced.length === 0
    ? []
    : [`Give a price to every variant first: ${unpriced.join(', ')}`]
}
