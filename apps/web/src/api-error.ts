import { TRPCClientError } from '@trpc/client'

/** How a failed API call reads on screen. */
export interface ApiErrorDescription {
  /** True when the API answered (with an error), false when it could not be reached at all. */
  reachable: boolean
  headline: string
  detail: string
}

/** Tells "the API is down" apart from "the API answered with an error", for messages a person can act on. */
export function describeApiError(error: unknown): ApiErrorDescription {
  const detail = error instanceof Error ? error.message : String(error)
  if (error instanceof TRPCClientError && error.data) {
    return { reachable: true, headline: 'The Emporium API answered with an error.', detail }
  }
  return { reachable: false, headline: 'The Emporium API is not answering.', detail }
}
