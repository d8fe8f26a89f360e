import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { errorMessage } from '../forms/field-errors'
import { FormMessage } from '../forms/form-parts'
import { trpc, type AddressView } from '../trpc'
import { AddressFields } from './address-form'

const ADDRESSES_KEY = ['account', 'addresses'] as const

function AddressItem({ address }: { address: AddressView }) {
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState(false)
  const refresh = () => queryClient.invalidateQueries({ queryKey: ADDRESSES_KEY })
  const remove = useMutation({
    mutationFn: () => trpc.account.deleteAddress.mutate({ id: address.id }),
    onSettled: refresh,
  })
  const makeDefault = useMutation({
    mutationFn: () => trpc.account.setDefaultAddress.mutate({ id: address.id }),
    onSettled: refresh,
  })
  const failure = remove.error ?? makeDefault.error
  const label = `${address.fullName}, ${address.line1}`

  if (editing) {
    return (
      <li className="address">
        <AddressFields
          title={`Edit address of ${label}`}
          initial={address}
          submitLabel="Save address"
          onCancel={() => setEditing(false)}
          onSubmit={async ({ makeDefault: wantsDefault, ...input }) => {
            await trpc.account.updateAddress.mutate({ ...input, id: address.id })
            if (wantsDefault) await trpc.account.setDefaultAddress.mutate({ id: address.id })
            await refresh()
            setEditing(false)
          }}
        />
      </li>
    )
  }
  return (
    <li className="address" aria-label={label}>
      <address>
        <strong>{address.fullName}</strong>
        {address.isDefault ? <span className="badge badge--up">Default</span> : null}
        <br />
        {address.line1}
        {address.line2 ? `, ${address.line2}` : ''}
        <br />
        {address.postalCode} {address.city}
        {address.region ? `, ${address.region}` : ''} · {address.country}
        {address.phone ? (
          <>
            <br />
            {address.phone}
          </>
        ) : null}
      </address>
      <div className="actions">
        <button type="button" className="button--secondary" onClick={() => setEditing(true)}>
          Edit<span className="visually-hidden"> {label}</span>
        </button>
        {address.isDefault ? null : (
          <button
            type="button"
            className="button--secondary"
            onClick={() => makeDefault.mutate()}
            disabled={makeDefault.isPending}
          >
            {makeDefault.isPending ? 'Saving…' : 'Make default'}
            <span className="visually-hidden"> {label}</span>
          </button>
        )}
        <button
          type="button"
          className="button--danger"
          onClick={() => remove.mutate()}
          disabled={remove.isPending}
        >
          {remove.isPending ? 'Deleting…' : 'Delete'}
          <span className="visually-hidden"> {label}</span>
        </button>
      </div>
      <FormMessage error={failure ? errorMessage(failure) : null} />
    </li>
  )
}

/** The address book: list (default first), add, edit, delete, choose the default. */
export function AddressBookSection() {
  const queryClient = useQueryClient()
  const [adding, setAdding] = useState(false)
  const addresses = useQuery({
    queryKey: ADDRESSES_KEY,
    queryFn: () => trpc.account.listAddresses.query(),
  })
  return (
    <section className="panel" aria-labelledby="addresses-title">
      <h3 id="addresses-title">Address book</h3>
      {addresses.isPending ? (
        <p role="status">Loading addresses…</p>
      ) : addresses.isError ? (
        <div className="alert" role="alert">
          <p>{errorMessage(addresses.error)}</p>
          <button type="button" onClick={() => void addresses.refetch()}>
            Retry
          </button>
        </div>
      ) : addresses.data.length === 0 ? (
        <p>You have no saved addresses yet.</p>
      ) : (
        <ul className="address-list" aria-label="Addresses">
          {addresses.data.map((a) => (
            <AddressItem key={a.id} address={a} />
          ))}
        </ul>
      )}
      {adding ? (
        <AddressFields
          title="New address"
          submitLabel="Add address"
          onCancel={() => setAdding(false)}
          onSubmit={async (input) => {
            await trpc.account.createAddress.mutate(input)
            await queryClient.invalidateQueries({ queryKey: ADDRESSES_KEY })
            setAdding(false)
          }}
        />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add an address
        </button>
      )}
    </section>
  )
}
