import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { isDomainError, parseDecimal, toDecimalString, type CurrencyCode } from '@emporium/domain'
import { ProductInput } from '@emporium/domain/catalog'
import { formText } from '../forms/form-text'
import { errorMessage } from '../forms/field-errors'
import { FormMessage, SubmitButton } from '../forms/form-parts'
import { trpc, type SellerProductView } from '../trpc'

/** The product as `seller.updateProduct` wants it, with each variant's own prices (kept by SKU). */
function updateInput(
  product: SellerProductView,
  prices: Map<string, { amount: number; currency: CurrencyCode }[]>,
) {
  return {
    productId: product.id,
    name: product.name,
    description: product.description,
    brand: product.brand,
    ...(product.categoryId !== null ? { categoryId: product.categoryId } : {}),
    attributes: product.attributes,
    tags: product.tags,
    options: product.options,
    prices: [],
    variants: product.variants.map((v) => ({
      options: v.optionValues,
      sku: v.sku,
      prices: prices.get(v.id) ?? v.prices,
    })),
  }
}

/**
 * Problems per variant id: prices that are not decimals, then what the API's own product schema
 * says about the product with the new prices (e.g. a negative price), at that variant's field.
 */
function priceProblems(
  product: SellerProductView,
  input: ReturnType<typeof updateInput>,
  unreadable: Map<string, string>,
): Map<string, string[]> {
  const problems = new Map<string, string[]>()
  const add = (variantId: string, message: string) =>
    problems.set(variantId, [...(problems.get(variantId) ?? []), message])
  for (const [variantId, message] of unreadable) add(variantId, message)
  const { productId: _productId, ...fields } = input
  const checked = ProductInput.safeParse(fields)
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const [top, index] = issue.path
      const variant =
        top === 'variants' && typeof index === 'number' ? product.variants[index] : undefined
      // Problems elsewhere in the product are not this form's to fix: the API will say.
      if (variant) add(variant.id, issue.message)
    }
  }
  return problems
}

/** One price field per variant in `currency`; saving replaces those prices, leaving others alone. */
export function VariantPricesForm({
  product,
  currency,
}: {
  product: SellerProductView
  currency: CurrencyCode
}) {
  const queryClient = useQueryClient()
  const id = useId()
  const [problems, setProblems] = useState<Map<string, string[]>>(new Map())
  const [saved, setSaved] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: (input: ReturnType<typeof updateInput>) => trpc.seller.updateProduct.mutate(input),
    onSuccess: (updated) => {
      queryClient.setQueryData(['seller', 'product', updated.id], updated)
      setSaved('Prices saved.')
    },
  })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setSaved(null)
    const data = new FormData(event.currentTarget)
    const prices = new Map<string, { amount: number; currency: CurrencyCode }[]>()
    const unreadable = new Map<string, string>()
    for (const v of product.variants) {
      const text = formText(data, v.id).trim()
      const others = v.prices.filter((p) => p.currency !== currency)
      if (text === '') {
        prices.set(v.id, others)
        continue
      }
      try {
        prices.set(v.id, [...others, parseDecimal(text, currency)])
      } catch (error) {
        if (!isDomainError(error)) throw error
        unreadable.set(v.id, 'Enter the price as a number such as 19.99.')
      }
    }
    const input = updateInput(product, prices)
    const found = priceProblems(product, input, unreadable)
    setProblems(found)
    if (found.size === 0) save.mutate(input)
  }
  return (
    <form aria-label={`Prices in ${currency}`} onSubmit={onSubmit} className="stack">
      <table className="table">
        <caption className="visually-hidden">Variant prices in {currency}</caption>
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">SKU</th>
            <th scope="col">Price ({currency})</th>
          </tr>
        </thead>
        <tbody>
          {product.variants.map((v) => {
            const price = v.prices.find((p) => p.currency === currency)
            const errors = problems.get(v.id)
            const errorId = `${id}-${v.id}-error`
            return (
              <tr key={v.id}>
                <th scope="row">{v.title}</th>
                <td>{v.sku}</td>
                <td>
                  <input
                    name={v.id}
                    inputMode="decimal"
                    aria-label={`Price of ${v.title} in ${currency}`}
                    defaultValue={price ? toDecimalString(price) : ''}
                    key={`${v.id}-${price?.amount ?? 'none'}`}
                    aria-invalid={errors ? true : undefined}
                    aria-describedby={errors ? errorId : undefined}
                  />
                  {errors ? (
                    <span id={errorId} className="field__error">
                      {errors.join(' ')}
                    </span>
                  ) : null}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <FormMessage
        error={
          problems.size > 0
            ? 'Please correct the highlighted prices.'
            : save.error
              ? errorMessage(save.error)
              : null
        }
        success={saved}
      />
      <SubmitButton pending={save.isPending} pendingText="Saving…">
        Save prices
      </SubmitButton>
    </form>
  )
}
