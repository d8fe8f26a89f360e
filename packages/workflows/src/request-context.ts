import { defaultPayloadConverter, type Payload } from '@temporalio/common'

/** Temporal header carrying the id of the API request that started a workflow, down to its activities. */
export const REQUEST_ID_HEADER = 'emporium-request-id'

/** The header value for a request id. */
export function requestIdPayload(requestId: string): Payload {
  return defaultPayloadConverter.toPayload(requestId)
}

/** The request id carried by a set of Temporal headers, if any. */
export function requestIdOf(headers: Record<string, Payload | undefined>): string | undefined {
  const payload = headers[REQUEST_ID_HEADER]
  if (!payload) return undefined
  const value: unknown = defaultPayloadConverter.fromPayload(payload)
  return typeof value === 'string' ? value : undefined
}
