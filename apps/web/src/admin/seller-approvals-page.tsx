import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { RequireSignIn } from '../account/require-sign-in'
import { errorMessage } from '../forms/field-errors'
import { FormMessage } from '../forms/form-parts'
import { trpc, type StoreView } from '../trpc'

type Status = StoreView['status']
const FILTERS: { value: Status | 'all'; label: string }[] = [
  { value: 'pending', label: 'Waiting for approval' },
  { value: 'approved', label: 'Approved' },
  { value: 'suspended', label: 'Suspended' },
  { value: 'all', label: 'All stores' },
]

function StoreRow({ store }: { store: StoreView }) {
  const queryClient = useQueryClient()
  const reasonId = useId()
  const [suspending, setSuspending] = useState(false)
  const [reason, setReason] = useState('')
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'sellers'] })
  const approve = useMutation({
    mutationFn: () => trpc.admin.approveSeller.mutate({ sellerId: store.id }),
    onSuccess: refresh,
  })
  const suspend = useMutation({
    mutationFn: () => trpc.admin.suspendSeller.mutate({ sellerId: store.id, reason }),
    onSuccess: refresh,
  })
  const onSuspend = (event: FormEvent) => {
    event.preventDefault()
    suspend.mutate()
  }
  const failure = approve.error ?? suspend.error
  return (
    <li className="store" aria-label={store.storeName}>
      <div>
        <strong>{store.storeName}</strong> <span className="muted">/{store.slug}</span>{' '}
        <span className={`badge badge--${store.status === 'approved' ? 'up' : 'down'}`}>
          {store.status}
        </span>
        <p className="muted">
          {store.contactEmail} · payouts in {store.payoutCurrency} · opened{' '}
          {new Date(store.createdAt).toLocaleDateString()}
        </p>
      </div>
      <div className="actions">
        {store.status === 'approved' ? null : (
          <button type="button" onClick={() => approve.mutate()} disabled={approve.isPending}>
            {approve.isPending ? 'Approving…' : 'Approve'}
            <span className="visually-hidden"> {store.storeName}</span>
          </button>
        )}
        {store.status === 'suspended' || suspending ? null : (
          <button type="button" className="button--danger" onClick={() => setSuspending(true)}>
            Suspend<span className="visually-hidden"> {store.storeName}</span>
          </button>
        )}
      </div>
      {suspending && store.status !== 'suspended' ? (
        <form
          onSubmit={onSuspend}
          className="inline-form"
          aria-label={`Suspend ${store.storeName}`}
        >
          <div className="field">
            <label htmlFor={reasonId}>Reason for suspending</label>
            <input id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" className="button--danger" disabled={suspend.isPending}>
            {suspend.isPending ? 'Suspending…' : 'Confirm suspension'}
          </button>
          <button type="button" className="button--secondary" onClick={() => setSuspending(false)}>
            Cancel
          </button>
        </form>
      ) : null}
      <FormMessage error={failure ? errorMessage(failure) : null} />
    </li>
  )
}

function SellerList() {
  const [filter, setFilter] = useState<Status | 'all'>('pending')
  const filterId = useId()
  const sellers = useInfiniteQuery({
    queryKey: ['admin', 'sellers', filter],
    queryFn: ({ pageParam }) =>
      trpc.admin.listSellers.query({
        status: filter === 'all' ? undefined : filter,
        cursor: pageParam,
        limit: 20,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const stores = sellers.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <>
      <div className="field field--inline">
        <label htmlFor={filterId}>Show</label>
        <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as Status)}>
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      {sellers.isPending ? (
        <p role="status">Loading stores…</p>
      ) : sellers.isError ? (
        <div className="alert" role="alert">
          <p>{errorMessage(sellers.error)}</p>
          <button type="button" onClick={() => void sellers.refetch()}>
            Retry
          </button>
        </div>
      ) : stores.length === 0 ? (
        <p role="status">No stores here.</p>
      ) : (
        <ul className="store-list" aria-label="Stores">
          {stores.map((s) => (
            <StoreRow key={s.id} store={s} />
          ))}
        </ul>
      )}
      {sellers.hasNextPage ? (
        <button
          type="button"
          className="button--secondary"
          onClick={() => void sellers.fetchNextPage()}
          disabled={sellers.isFetchingNextPage}
        >
          {sellers.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      ) : null}
    </>
  )
}

/** Administrators review stores: approve new ones, suspend misbehaving ones. */
export function SellerApprovalsPage() {
  return (
    <RequireSignIn title="Stores" returnTo="/admin/sellers">
      {(me) => (
        <section className="panel" aria-labelledby="sellers-title">
          <h2 id="sellers-title">Stores</h2>
          {me.role === 'admin' ? (
            <SellerList />
          ) : (
            <p role="alert">Only administrators can review stores.</p>
          )}
        </section>
      )}
    </RequireSignIn>
  )
}
