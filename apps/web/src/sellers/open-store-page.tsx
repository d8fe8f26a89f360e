import { useQuery } from '@tanstack/react-query'
import { CURRENCY_CODES } from '@emporium/domain'
import { OpenStoreInput } from '@emporium/domain/sellers'
import { useId } from 'react'
import { RequireSignIn } from '../account/require-sign-in'
import { useSessionChanged } from '../accounts/use-me'
import { errorMessage } from '../forms/field-errors'
import { Field, FormMessage, SubmitButton } from '../forms/form-parts'
import { useSchemaForm } from '../forms/use-schema-form'
import { trpc, type Me } from '../trpc'

const CURRENCIES = [...CURRENCY_CODES].sort()
const STATUS_TEXT = {
  pending: 'Waiting for approval: an administrator reviews new stores before they can sell.',
  approved: 'Approved: your store can sell.',
  suspended: 'Suspended: your store cannot sell. Contact support for details.',
} as const

function MyStore() {
  const store = useQuery({
    queryKey: ['seller', 'store'],
    queryFn: () => trpc.seller.getStore.query(),
  })
  if (store.isPending) return <p role="status">Loading your store…</p>
  if (store.isError) {
    return (
      <div className="alert" role="alert">
        <p>{errorMessage(store.error)}</p>
        <button type="button" onClick={() => void store.refetch()}>
          Retry
        </button>
      </div>
    )
  }
  return (
    <dl className="facts">
      <dt>Store</dt>
      <dd>{store.data.storeName}</dd>
      <dt>Address</dt>
      <dd>/{store.data.slug}</dd>
      <dt>Contact</dt>
      <dd>{store.data.contactEmail}</dd>
      <dt>Payouts in</dt>
      <dd>{store.data.payoutCurrency}</dd>
      <dt>Status</dt>
      <dd role="status">{STATUS_TEXT[store.data.status]}</dd>
    </dl>
  )
}

function OpenStoreForm({ me }: { me: NonNullable<Me> }) {
  const sessionChanged = useSessionChanged()
  const currencyId = useId()
  const form = useSchemaForm({
    schema: OpenStoreInput,
    submit: (input) => trpc.seller.openStore.mutate(input),
    // The API replaced the session (the user became a seller): re-read who is signed in.
    onSuccess: () => sessionChanged(),
  })
  return (
    <form onSubmit={form.onSubmit} noValidate aria-label="Open a store">
      <Field label="Store name" name="storeName" errors={form.errors.storeName} />
      <Field
        label="Store address"
        name="slug"
        hint="Lowercase letters, digits and dashes, like green-teas."
        errors={form.errors.slug}
      />
      <Field
        label="Contact email"
        name="contactEmail"
        type="email"
        defaultValue={me.email}
        errors={form.errors.contactEmail}
      />
      <div className={`field${form.errors.payoutCurrency ? ' field--invalid' : ''}`}>
        <label htmlFor={currencyId}>Payout currency</label>
        <select
          id={currencyId}
          name="payoutCurrency"
          defaultValue="USD"
          aria-invalid={form.errors.payoutCurrency ? true : undefined}
          aria-describedby={form.errors.payoutCurrency ? `${currencyId}-error` : undefined}
        >
          {CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        {form.errors.payoutCurrency ? (
          <p id={`${currencyId}-error`} className="field__error">
            {form.errors.payoutCurrency.join(' ')}
          </p>
        ) : null}
      </div>
      <FormMessage error={form.formError} />
      <SubmitButton pending={form.pending} pendingText="Opening…">
        Open my store
      </SubmitButton>
    </form>
  )
}

/** Seller onboarding: open a store (pending until approved), or see where one's store stands. */
export function OpenStorePage() {
  return (
    <RequireSignIn title="Open a store" returnTo="/sell">
      {(me) => (
        <section className="panel" aria-labelledby="sell-title">
          <h2 id="sell-title">{me.seller ? 'Your store' : 'Open a store'}</h2>
          {me.seller ? (
            <MyStore />
          ) : me.role === 'admin' ? (
            <p>Administrators cannot open a store with their admin account.</p>
          ) : (
            <>
              <p>
                Sell on Emporium: tell us about your store. An administrator approves new stores.
              </p>
              <OpenStoreForm me={me} />
            </>
          )}
        </section>
      )}
    </RequireSignIn>
  )
}
