import { useState, type FormEvent } from 'react'
import { useCartChange } from '../cart/use-cart'
import { errorMessage } from '../forms/field-errors'
import { FormMessage, SubmitButton } from '../forms/form-parts'
import { Link } from '../router'
import { trpc, type VariantView } from '../trpc'

/** Quantity and "Add to cart" for one variant; says what was added or why not. */
export function AddToCartForm({
  variant,
  productName,
}: {
  variant: VariantView
  productName: string
}) {
  const [quantity, setQuantity] = useState(1)
  const [added, setAdded] = useState<string | null>(null)
  const add = useCartChange((q: number) =>
    trpc.cart.addLine.mutate({ variantId: variant.id, quantity: q }),
  )
  const buyable = variant.price !== null && variant.available > 0
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setAdded(null)
    add.mutate(quantity, {
      onSuccess: () =>
        setAdded(`Added ${quantity} × ${productName} (${variant.title}) to your cart.`),
    })
  }
  return (
    <form aria-label="Add to cart" onSubmit={onSubmit} className="add-to-cart">
      <label className="inline-field">
        Quantity{' '}
        <input
          aria-label="Quantity"
          type="number"
          min={1}
          max={Math.max(1, Math.min(999, variant.available))}
          value={quantity}
          onChange={(e) => setQuantity(Math.max(1, Math.floor(Number(e.target.value) || 1)))}
        />
      </label>
      {buyable ? (
        <SubmitButton pending={add.isPending} pendingText="Adding…">
          Add to cart
        </SubmitButton>
      ) : (
        <button type="submit" disabled>
          {variant.price === null ? 'Not sold in this currency' : 'Sold out'}
        </button>
      )}
      <FormMessage error={add.error ? errorMessage(add.error) : null} success={added} />
      {added ? <Link to="/cart">View your cart</Link> : null}
    </form>
  )
}
