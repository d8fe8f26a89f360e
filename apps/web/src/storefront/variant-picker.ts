import type { VariantView } from '../trpc'

/** The variant whose option values are exactly `chosen`, if any. */
export function findVariant(
  variants: readonly VariantView[],
  chosen: Readonly<Record<string, string>>,
): VariantView | undefined {
  return variants.find((v) =>
    Object.entries(v.optionValues).every(([name, value]) => chosen[name] === value),
  )
}

/** The options of the first variant that can be bought (else the first one), to start from. */
export function initialChoice(variants: readonly VariantView[]): Record<string, string> {
  const start = variants.find((v) => v.available > 0 && v.price !== null) ?? variants[0]
  return { ...(start?.optionValues ?? {}) }
}
