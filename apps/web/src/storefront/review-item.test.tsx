// @vitest-environment jsdom
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { renderInDom } from '../forms/testing'
import { ReviewItem, type ListedReview } from './review-item'

let view: Awaited<ReturnType<typeof renderInDom>> | undefined
afterEach(async () => {
  await view?.unmount()
})

const review = (title: string, mine: boolean): ListedReview => ({
  id: randomUUID(),
  productId: randomUUID(),
  authorName: 'Sam',
  rating: 4,
  title,
  body: 'Pours well, no drips.',
  photos: [],
  verifiedPurchase: true,
  helpfulCount: 2,
  sellerReply: null,
  createdAt: '2026-11-02T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
  mine,
})

const buttonNames = (root: HTMLElement) =>
  [...root.querySelectorAll('button')].map((b) => b.textContent)

describe('a review in the product’s list', () => {
  it('offers a signed-in shopper Helpful and Report on someone else’s review', async () => {
    view = await renderInDom(
      <ul>
        <ReviewItem
          review={review('Solid jug', false)}
          can={{ signedIn: true, isProductSeller: false }}
        />
      </ul>,
    )
    expect(buttonNames(view.container)).toEqual([
      'Helpful review “Solid jug”',
      'Report review “Solid jug”',
    ])
    expect(view.container.textContent).not.toContain('Your review')
  })

  it('marks the shopper’s own review as theirs, without Helpful or Report', async () => {
    view = await renderInDom(
      <ul>
        <ReviewItem
          review={review('My jug', true)}
          can={{ signedIn: true, isProductSeller: false }}
        />
      </ul>,
    )
    expect(buttonNames(view.container)).toEqual([])
    expect(view.container.querySelector('li p')?.textContent).toContain(' · Your review')
  })
})
