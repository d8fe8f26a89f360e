import { TRPCClientError } from '@trpc/client'
import { describe, expect, it } from 'vitest'
import { describeApiError } from './api-error'

describe('describeApiError', () => {
  it('says the API is not answering when the request never got a tRPC reply', () => {
    const error = TRPCClientError.from(new TypeError('Failed to fetch'))
    expect(describeApiError(error)).toEqual({
      reachable: false,
      headline: 'The Emporium API is not answering.',
      detail: 'Failed to fetch',
    })
  })

  it('says the API answered with an error, with its message, when it replied with one', () => {
    const error = TRPCClientError.from({
      error: {
        message: 'Reached the max retries per request limit',
        code: -32603,
        data: { code: 'INTERNAL_SERVER_ERROR', httpStatus: 500 },
      },
    })
    expect(describeApiError(error)).toEqual({
      reachable: true,
      headline: 'The Emporium API answered with an error.',
      detail: 'Reached the max retries per request limit',
    })
  })
})
