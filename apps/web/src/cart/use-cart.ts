import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { trpc, type CartView } from '../trpc'

/** Query key of the shopper's cart; every cart change writes its answer here. */
export const CART_KEY = ['cart'] as const

/** The shopper's cart (a guest's by cookie, or the signed-in user's). */
export function useCart() {
  return useQuery({ queryKey: CART_KEY, queryFn: () => trpc.cart.get.query(), staleTime: 10_000 })
}

/** The currency the shopper sees prices in: the cart's (USD until they pick another). */
export function useCartCurrency(): CartView['currency'] {
  return useCart().data?.currency ?? 'USD'
}

/** A cart change whose answer (the whole new cart) replaces the cached cart. */
export function useCartChange<I>(change: (input: I) => Promise<CartView>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: change,
    onSuccess: (cart) => queryClient.setQueryData(CART_KEY, cart),
  })
}
