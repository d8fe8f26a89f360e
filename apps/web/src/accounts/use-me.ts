import { useQuery, useQueryClient } from '@tanstack/react-query'
import { trpc } from '../trpc'

/** Query key of the signed-in user; everything that signs in or out refreshes it. */
export const ME_KEY = ['auth', 'me'] as const

/** The signed-in user (null when signed out), shared by the header and every page. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: () => trpc.auth.me.query(), staleTime: 30_000 })
}

/** Forgets everything cached for the previous user and re-reads who is signed in. */
export function useSessionChanged(): () => Promise<void> {
  const queryClient = useQueryClient()
  return async () => {
    // Reset (not just refetch) so no page shows the previous user's data while the new one loads.
    await queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== 'health' })
  }
}
