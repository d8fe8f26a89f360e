import { describe, expect, it } from 'vitest'
import { adjustForSession } from './session-adjust'

const list = (...ids: string[]) => ids.map((itemId, i) => ({ itemId, score: ids.length - i }))

describe('adjustForSession', () => {
  const base = list('a', 'b', 'c')
  const neighbours = new Map([
    ['viewed', list('x', 'c')],
    ['older', list('y')],
    ['carted', list('z')],
  ])

  it('keeps the precomputed order when the session says nothing', () => {
    const out = adjustForSession(base, neighbours, { recentViews: [], inCart: [] }, { k: 3 })
    expect(out.map((e) => e.itemId)).toEqual(['a', 'b', 'c'])
  })

  it('puts the newest view’s neighbours first, ahead of an older view’s', () => {
    const out = adjustForSession(
      base,
      neighbours,
      { recentViews: ['viewed', 'older'], inCart: [] },
      { k: 6 },
    )
    expect(out.map((e) => e.itemId)).toEqual(['x', 'c', 'y', 'a', 'b'])
  })

  it('leaves out in-cart and excluded products and boosts the cart’s neighbours', () => {
    const out = adjustForSession(
      base,
      neighbours,
      { recentViews: [], inCart: ['carted', 'a'] },
      { k: 5, exclude: ['b'] },
    )
    expect(out.map((e) => e.itemId)).toEqual(['z', 'c'])
  })
})
