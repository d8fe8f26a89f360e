import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { AdjustStockInput } from '@emporium/domain'
import { errorMessage, validate, type FieldErrors } from '../forms/field-errors'
import { FormMessage, SubmitButton } from '../forms/form-parts'
import { trpc } from '../trpc'
import { useWarehouses } from './use-warehouses'

type Mode = 'delta' | 'setOnHand'

/**
 * Receives, removes or counts stock of one variant in a warehouse. Each submission carries a new
 * idempotency key, so the API applies it once even if the request is delivered twice.
 */
export function StockAdjustForm({
  variantId,
  label,
  warehouseId,
}: {
  variantId: string
  /** What the form adjusts, for its accessible name ("Stock of KETTLE-RED"). */
  label: string
  /** Fixed warehouse (an inventory row); otherwise the seller picks one. */
  warehouseId?: number
}) {
  const id = useId()
  const queryClient = useQueryClient()
  const warehouses = useWarehouses()
  const [mode, setMode] = useState<Mode>('delta')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [done, setDone] = useState<string | null>(null)
  const adjust = useMutation({
    mutationFn: (input: Parameters<typeof trpc.seller.adjustStock.mutate>[0]) =>
      trpc.seller.adjustStock.mutate(input),
    onSuccess: async (result) => {
      setDone(`Now ${result.level.onHand} on hand, ${result.level.available} available.`)
      await queryClient.invalidateQueries({ queryKey: ['seller', 'inventory'] })
    },
  })
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setDone(null)
    const data = new FormData(event.currentTarget)
    const units = Number(data.get('units'))
    const input = {
      variantId,
      warehouseId: warehouseId ?? Number(data.get('warehouseId')),
      reason: data.get('reason'),
      idempotencyKey: `web-${crypto.randomUUID()}`,
      ...(mode === 'delta' ? { delta: units } : { setOnHand: units }),
    }
    const checked = validate(AdjustStockInput, input)
    if (!checked.ok) return setErrors(checked.errors)
    setErrors({})
    adjust.mutate(checked.data)
  }
  // The schema names `delta` or `setOnHand`; both are typed into the one Units field.
  const unitErrors = [...(errors.delta ?? []), ...(errors.setOnHand ?? [])]
  const warehouseErrors = errors.warehouseId ?? []
  const otherProblems = Object.entries(errors)
    .filter(([field]) => !['delta', 'setOnHand', 'warehouseId'].includes(field))
    .flatMap(([, messages]) => messages ?? [])
  return (
    <form aria-label={label} onSubmit={onSubmit} className="stock-form" noValidate>
      {warehouseId === undefined ? (
        <span className="inline-field">
          <label htmlFor={`${id}-warehouse`}>Warehouse</label>
          <select
            id={`${id}-warehouse`}
            name="warehouseId"
            required
            disabled={!warehouses.data}
            aria-invalid={warehouseErrors.length > 0 || undefined}
            aria-describedby={warehouseErrors.length > 0 ? `${id}-warehouse-error` : undefined}
          >
            {(warehouses.data?.items ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.code} · {w.name}
              </option>
            ))}
          </select>
          {warehouseErrors.length > 0 ? (
            <span id={`${id}-warehouse-error`} className="field__error">
              {warehouseErrors.join(' ')}
            </span>
          ) : null}
        </span>
      ) : null}
      <span className="inline-field">
        <label htmlFor={`${id}-mode`}>Kind of change</label>
        <select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          <option value="delta">Add or remove units</option>
          <option value="setOnHand">Set counted units</option>
        </select>
      </span>
      <span className="inline-field">
        <label htmlFor={`${id}-units`}>Units</label>
        <input
          id={`${id}-units`}
          name="units"
          type="number"
          inputMode="numeric"
          required
          aria-invalid={unitErrors.length > 0 || undefined}
          aria-describedby={unitErrors.length > 0 ? `${id}-units-error` : undefined}
        />
        {unitErrors.length > 0 ? (
          <span id={`${id}-units-error`} className="field__error">
            {unitErrors.join(' ')}
          </span>
        ) : null}
      </span>
      <span className="inline-field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <select id={`${id}-reason`} name="reason" defaultValue="restock">
          <option value="restock">Restock</option>
          <option value="adjustment">Adjustment</option>
          <option value="return">Return</option>
        </select>
      </span>
      <SubmitButton pending={adjust.isPending} pendingText="Saving…">
        Update stock
      </SubmitButton>
      <FormMessage
        error={
          Object.keys(errors).length > 0
            ? ['Please correct the highlighted fields.', ...otherProblems].join(' ')
            : adjust.error
              ? errorMessage(adjust.error)
              : null
        }
        success={done}
      />
    </form>
  )
}
