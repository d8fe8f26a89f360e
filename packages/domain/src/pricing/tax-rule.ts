import { z } from 'zod'
import { InvalidArgumentError } from '../errors'

const BasisPointsSchema = z.number().int().min(0).max(100_000)

/**
 * The destination region's sales tax. Rates are basis points (2000 = 20 %, 825 = 8.25 %);
 * `categoryRates` overrides the standard rate for lines with that `taxCategory` (e.g. reduced
 * rates for books or food).
 */
export const TaxRuleSchema = z.object({
  region: z.string().min(1),
  rateBasisPoints: BasisPointsSchema,
  categoryRates: z.record(z.string(), BasisPointsSchema).optional(),
})

/** The destination region's sales tax (see `TaxRuleSchema`). */
export type TaxRule = z.infer<typeof TaxRuleSchema>

/** The rate in basis points that applies to a line with `taxCategory` under `rule`. */
export function taxRateFor(rule: TaxRule, taxCategory: string | undefined): number {
  const rate =
    taxCategory !== undefined &&
    rule.categoryRates !== undefined &&
    Object.hasOwn(rule.categoryRates, taxCategory)
      ? rule.categoryRates[taxCategory]
      : rule.rateBasisPoints
  if (rate === undefined || !Number.isSafeInteger(rate) || rate < 0) {
    throw new InvalidArgumentError(
      `Tax rate for region ${rule.region} must be a whole, non-negative number of basis points, got ${rate}`,
    )
  }
  return rate
}
