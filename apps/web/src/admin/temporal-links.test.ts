import { describe, expect, it } from 'vitest'
import { temporalListUrl } from './temporal-links'

describe('temporalListUrl', () => {
  it('points at the namespace’s workflow list with an encoded visibility query', () => {
    expect(temporalListUrl('http://127.0.0.1:8233/', 'default', 'ExecutionStatus="Failed"')).toBe(
      'http://127.0.0.1:8233/namespaces/default/workflows?query=ExecutionStatus%3D%22Failed%22',
    )
    expect(temporalListUrl('https://temporal.example', 'shop prod', '')).toBe(
      'https://temporal.example/namespaces/shop%20prod/workflows',
    )
  })
})
