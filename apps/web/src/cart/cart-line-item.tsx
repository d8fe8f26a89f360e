import { errorMessage } from '../forms/field-errors'
import { trpc, type CartLineView } from '../trpc'
import { formatPrice } from '../ui/format-price'
import { useCartChange } from './use-cart'

const STATUS_TEXT: Record<CartLineView['status'], string | null> = {
  ok: null,
  price_changed: 'The price changed since you added this.',
  unavailable: 'No longer available to buy: remove it to check out.',
  insufficient_stock: 'Fewer left than you asked for.',
}

/** One cart line: what it is, its price, quantity controls and its notice, if any. */
export function CartLineItem({ line }: { line: CartLineView }) {
  const update = useCartChange((quantity: number) =>
    trpc.cart.updateLine.mutate({ variantId: line.variantId, quantity }),
  )
  const remove = useCartChange(() => trpc.cart.removeLine.mutate({ variantId: line.variantId }))
  const name = [line.productName ?? line.sku, line.variantTitle].filter(Boolean).join(' · ')
  const notice = STATUS_TEXT[line.status]
  const failure = update.error ?? remove.error
  return (
    <li className="cart-line">
      <div>
        <p className="cart-line__name">{name}</p>
        <p className="muted">SKU {line.sku}</p>
        {notice ? (
          <p className={`notice notice--${line.status}`} role="status">
            {notice}
            {line.status === 'insufficient_stock' ? ` Only ${line.available} available.` : ''}
          </p>
        ) : null}
        {failure ? <p className="form-error">{errorMessage(failure)}</p> : null}
      </div>
      <div className="cart-line__controls">
        <label className="inline-field">
          Quantity{' '}
          <input
            type="number"
            min={0}
            max={999}
            inputMode="numeric"
            defaultValue={line.quantity}
            key={line.quantity}
            disabled={line.status === 'unavailable'}
            aria-label={`Quantity of ${name}`}
            onBlur={(e) => {
              const next = Number(e.target.value)
              if (Number.isInteger(next) && next >= 0 && next !== line.quantity) update.mutate(next)
            }}
          />
        </label>
        <span>{formatPrice(line.unitPrice)} each</span>
        <strong>{line.lineTotal ? formatPrice(line.lineTotal) : '—'}</strong>
        <button
          type="button"
          onClick={() => remove.mutate(undefined)}
          aria-label={`Remove ${name}`}
        >
          Remove
        </button>
      </div>
    </li>
  )
}
