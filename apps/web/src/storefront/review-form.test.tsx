// @vitest-environment jsdom
import { CreateReviewInput } from '@emporium/domain/reviews'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderInDom } from '../forms/testing'
import { WriteReview } from './review-form'

let view: Awaited<ReturnType<typeof renderInDom>> | undefined
afterEach(async () => {
  await view?.unmount()
})

describe('the review form, checked with the API’s CreateReviewInput', () => {
  it('shows the schema’s messages at the rating, title and text and sends nothing', async () => {
    const productId = randomUUID()
    view = await renderInDom(<WriteReview productId={productId} />)
    const form = view.container.querySelector('form')!
    await view.submit(form, { rating: '', title: '  ', body: '' })

    const issues = CreateReviewInput.safeParse({ productId, title: '  ', body: '' }).error?.issues
    const messageOf = (field: string) =>
      issues
        ?.filter((i) => i.path[0] === field)
        .map((i) => i.message)
        .join(' ')
    for (const [name, expected] of [
      ['title', 'Give your review a title.'],
      ['body', 'Write a few words about the product.'],
    ] as const) {
      const field = form.elements.namedItem(name) as HTMLElement
      expect(field.getAttribute('aria-invalid')).toBe('true')
      expect(view.describedErrorOf(field)).toBe(messageOf(name))
      expect(view.describedErrorOf(field)).toBe(expected)
    }
    const rating = form.elements.namedItem('rating') as HTMLSelectElement
    expect(rating.getAttribute('aria-invalid')).toBe('true')
    expect(view.describedErrorOf(rating)).toBe(messageOf('rating'))
    expect(view.calledProcedures()).not.toContain('reviews.create')
  })

  it('sends a complete review to reviews.create', async () => {
    view = await renderInDom(<WriteReview productId={randomUUID()} />)
    const form = view.container.querySelector('form')!
    await view.submit(form, { rating: '4', title: 'Solid jug', body: 'Pours well, no drips.' })
    // The request starts once the mutation runs, a moment after the submit.
    await vi.waitFor(() => expect(view?.calledProcedures()).toContain('reviews.create'))
  })
})
