import { useQuery } from '@tanstack/react-query'
import { trpc } from '../trpc'

/** Warehouses a seller can receive stock in, newest first. */
export function useWarehouses() {
  return useQuery({
    queryKey: ['seller', 'warehouses'],
    queryFn: () => trpc.seller.listWarehouses.query(),
    staleTime: 60_000,
  })
}
