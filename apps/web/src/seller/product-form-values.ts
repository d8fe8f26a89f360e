import { isDomainError, parseDecimal, type CurrencyCode } from '@emporium/domain'
import { ProductInput } from '@emporium/domain/catalog'
import { validate, type FieldErrors } from '../forms/field-errors'

/** The product form's raw text fields (`option1Name`, `option1Values` = "Red, Blue", `price` = "19.99"). */
export type ProductFormValues = Record<string, string>

/** Option rows the form offers. */
export const OPTION_ROWS = [1, 2] as const

const splitList = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '')

/**
 * Turns the form into a `ProductInput` checked by the API's own schema: a decimal price becomes
 * minor units, comma lists become option values and tags. Problems come back per form field.
 */
export function toProductInput(
  values: ProductFormValues,
): { ok: true; data: ProductInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const currency = (values.currency ?? 'USD') as CurrencyCode
  let prices: { amount: number; currency: CurrencyCode }[] = []
  const priceText = (values.price ?? '').trim()
  if (priceText !== '') {
    try {
      prices = [parseDecimal(priceText, currency)]
    } catch (error) {
      if (!isDomainError(error)) throw error
      errors.price = [`Enter the price as a number such as 19.99 (${error.message})`]
    }
  }
  const options = OPTION_ROWS.map((n) => ({
    name: (values[`option${n}Name`] ?? '').trim(),
    values: splitList(values[`option${n}Values`]),
  })).filter((o) => o.name !== '' || o.values.length > 0)
  const checked = validate(ProductInput, {
    name: values.name ?? '',
    description: values.description ?? '',
    brand: values.brand?.trim() || undefined,
    categoryPath: values.categoryPath?.trim() || undefined,
    tags: splitList(values.tags),
    options,
    prices,
  })
  if (!checked.ok) {
    // Option and price problems are reported at those fields of the form.
    const { prices: priceErrors, ...rest } = checked.errors
    Object.assign(errors, rest)
    if (priceErrors) errors.price = [...(errors.price ?? []), ...priceErrors]
  }
  if (Object.keys(errors).length > 0 || !checked.ok) return { ok: false, errors }
  return { ok: true, data: checked.data }
}
