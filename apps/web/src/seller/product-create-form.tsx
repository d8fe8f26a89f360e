import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { errorMessage, serverFieldErrors, type FieldErrors } from '../forms/field-errors'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { navigate } from '../router'
import { trpc } from '../trpc'
import { CART_CURRENCIES } from '../cart/cart-currencies'
import { OPTION_ROWS, toProductInput } from './product-form-values'

/**
 * A new product: details, up to two options (every combination becomes a variant) and one price
 * for all variants; checked with the API's schema before it is sent. Opens the editor when saved.
 */
export function ProductCreateForm() {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const create = useMutation({
    mutationFn: (input: Parameters<typeof trpc.seller.createProduct.mutate>[0]) =>
      trpc.seller.createProduct.mutate(input),
    onSuccess: (product) => navigate(`/seller/products/${product.id}`),
  })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const raw: Record<string, string> = {}
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') raw[key] = value
    const result = toProductInput(raw)
    if (!result.ok) {
      create.reset()
      setClientErrors(result.errors)
      setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0)
      return
    }
    setClientErrors({})
    create.mutate(result.data)
  }
  const errors =
    Object.keys(clientErrors).length > 0 ? clientErrors : serverFieldErrors(create.error)
  const formError =
    Object.keys(clientErrors).length > 0
      ? 'Please correct the highlighted fields.'
      : create.error
        ? errorMessage(create.error)
        : null
  return (
    <form aria-label="New product" onSubmit={onSubmit} noValidate className="stack">
      <Field label="Name" name="name" errors={errors.name} required />
      <div className={`field${errors.description ? ' field--invalid' : ''}`}>
        <label htmlFor="product-description">Description</label>
        <textarea
          id="product-description"
          name="description"
          rows={3}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? 'product-description-error' : undefined}
        />
        {errors.description ? (
          <p id="product-description-error" className="field__error">
            {errors.description.join(' ')}
          </p>
        ) : null}
      </div>
      <Field label="Brand (optional)" name="brand" errors={errors.brand} />
      <Field
        label="Category path (optional)"
        name="categoryPath"
        errors={errors.categoryPath}
        hint="Like home/lighting"
      />
      <Field label="Tags (optional)" name="tags" errors={errors.tags} hint="Separate with commas" />
      <fieldset>
        <legend>Options</legend>
        <p className="field__hint">
          Every combination of option values becomes a variant with its own SKU and stock.
        </p>
        {OPTION_ROWS.map((n) => (
          <div key={n} className="option-row">
            <Field label={`Option ${n} name`} name={`option${n}Name`} hint="Like Color" />
            <Field
              label={`Option ${n} values`}
              name={`option${n}Values`}
              hint="Separate with commas, like Red, Blue"
            />
          </div>
        ))}
        {errors.options ? (
          <p className="field__error" role="alert">
            {errors.options.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <div className="option-row">
        <Field
          label="Price"
          name="price"
          inputMode="decimal"
          errors={errors.price}
          hint="Like 19.99"
        />
        <div className="field">
          <label htmlFor="product-currency">Currency</label>
          <select id="product-currency" name="currency" defaultValue="USD">
            {CART_CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
      </div>
      <FormMessage error={formError} />
      <SubmitButton pending={create.isPending} pendingText="Creating…">
        Create product
      </SubmitButton>
    </form>
  )
}
