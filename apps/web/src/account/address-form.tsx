import { AddressInput } from '@emporium/domain/accounts'
import { useId } from 'react'
import { z } from 'zod'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import type { AddressView } from '../trpc'

const AddressForm = AddressInput.extend({ makeDefault: z.boolean() })
type AddressFormValues = z.infer<typeof AddressForm>

/** The address fields, checked with the API's AddressInput; used to add and to edit an address. */
export function AddressFields({
  title,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  title: string
  initial?: AddressView
  submitLabel: string
  onSubmit: (values: AddressFormValues) => Promise<unknown>
  onCancel?: () => void
}) {
  const form = useSchemaForm({
    schema: AddressForm,
    prepare: (v) => ({ ...v, makeDefault: v.makeDefault === 'on' }),
    submit: onSubmit,
  })
  const e = form.errors
  const defaultId = useId()
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label={title} className="address-form">
      <Field
        label="Full name"
        name="fullName"
        autoComplete="name"
        defaultValue={initial?.fullName}
        errors={e.fullName}
      />
      <Field
        label="Address line 1"
        name="line1"
        autoComplete="address-line1"
        defaultValue={initial?.line1}
        errors={e.line1}
      />
      <Field
        label="Address line 2 (optional)"
        name="line2"
        autoComplete="address-line2"
        defaultValue={initial?.line2 ?? ''}
        errors={e.line2}
      />
      <div className="field-row">
        <Field
          label="City"
          name="city"
          autoComplete="address-level2"
          defaultValue={initial?.city}
          errors={e.city}
        />
        <Field
          label="Region (optional)"
          name="region"
          autoComplete="address-level1"
          defaultValue={initial?.region ?? ''}
          errors={e.region}
        />
      </div>
      <div className="field-row">
        <Field
          label="Postal code"
          name="postalCode"
          autoComplete="postal-code"
          defaultValue={initial?.postalCode}
          errors={e.postalCode}
        />
        <Field
          label="Country code"
          name="country"
          autoComplete="country"
          maxLength={2}
          hint="Two letters, like US or DE."
          defaultValue={initial?.country}
          errors={e.country}
        />
      </div>
      <Field
        label="Phone (optional)"
        name="phone"
        type="tel"
        autoComplete="tel"
        defaultValue={initial?.phone ?? ''}
        errors={e.phone}
      />
      {initial?.isDefault ? null : (
        <div className="checkbox">
          <input id={defaultId} type="checkbox" name="makeDefault" />
          <label htmlFor={defaultId}>Make this my default address</label>
        </div>
      )}
      <FormMessage error={form.formError} />
      <div className="actions">
        <SubmitButton pending={form.pending} pendingText="Saving…">
          {submitLabel}
        </SubmitButton>
        {onCancel ? (
          <button type="button" className="button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  )
}
