import { describe, expect, it } from 'vitest'
import { timeSplit } from './time-split'
import type { Interaction } from './types'

const at = (iso: string, itemId: string): Interaction => ({
  userId: 'u',
  itemId,
  at: iso,
  kind: 'purchase',
})

describe('timeSplit', () => {
  it('puts everything before the cutoff in train and the cutoff instant onwards in test', () => {
    const rows = [
      at('2024-01-31T23:59:59Z', 'a'),
      at('2024-02-01T00:00:00Z', 'b'),
      at('2024-03-01T00:00:00Z', 'c'),
    ]
    const split = timeSplit(rows, '2024-02-01T00:00:00Z')
    expect(split.train.map((r) => r.itemId)).toEqual(['a'])
    expect(split.test.map((r) => r.itemId)).toEqual(['b', 'c'])
    expect(
      timeSplit([{ ...at('x', 'a'), at: Date.UTC(2024, 0, 1) }], Date.UTC(2024, 0, 2)).train,
    ).toHaveLength(1)
  })

  it('refuses an unparseable date', () => {
    expect(() => timeSplit([at('yesterday', 'a')], '2024-01-01')).toThrow(
      'Not a valid interaction date',
    )
  })
})
