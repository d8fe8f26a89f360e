import { describe, expect, it } from 'vitest'
import { parseInvalidation } from './invalidation'

describe('catalog invalidation messages', () => {
  it("accepts the API's own messages with category paths", () => {
    expect(parseInvalidation(JSON.stringify({ productId: 'p1', paths: ['phones'] }))).toEqual({
      productId: 'p1',
      paths: ['phones'],
      tree: false,
    })
    expect(parseInvalidation(JSON.stringify({ paths: ['a'], tree: true }))).toEqual({
      productId: undefined,
      paths: ['a'],
      tree: true,
    })
  })

  it("accepts the worker outbox relay's product-only message", () => {
    expect(parseInvalidation(JSON.stringify({ productId: 'p1' }))).toEqual({
      productId: 'p1',
      paths: [],
      tree: false,
    })
  })

  it('ignores anything else on the channel', () => {
    expect(parseInvalidation('not json')).toBeNull()
    expect(parseInvalidation(JSON.stringify({}))).toBeNull()
    expect(parseInvalidation(JSON.stringify({ productId: 42 }))).toBeNull()
    expect(parseInvalidation(JSON.stringify({ paths: [1] }))).toBeNull()
  })
})
