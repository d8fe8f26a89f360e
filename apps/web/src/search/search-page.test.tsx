// @vitest-environment jsdom
import { act } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { renderInDom } from '../forms/testing'
import { startApiProcess, type ApiProcess } from '../testing/api-process'
import { SearchPage } from './search-page'
import type { RatedSearch } from './testing/rated-search-api'

let api: ApiProcess<RatedSearch> | undefined
let search: RatedSearch
let view: Awaited<ReturnType<typeof renderInDom>> | undefined

beforeAll(async () => {
  // A real API process whose search index holds three products rated 4.6, 3.4 and 2.2; the
  // page's same-origin `/trpc` calls reach it.
  api = await startApiProcess<RatedSearch>(import.meta.resolve('./testing/rated-search-api.ts'))
  search = api.ready
}, 90_000)
afterEach(async () => {
  await view?.unmount()
})
afterAll(async () => {
  if (!api) return
  // Non-zero when the API process could not remove this run's search collections.
  expect(await api.stop()).toBe(0)
})

/** Waits until `check` passes, letting the API's answers render inside act() as React expects. */
const waitUntil = (check: () => void) =>
  act(async () => {
    await vi.waitFor(check, { timeout: 10_000 })
  })

/** The rating choices as a screen reader names them (the star glyphs are hidden from it). */
const ratingChoices = () => {
  const fieldset = [...(view?.container.querySelectorAll('fieldset') ?? [])].find(
    (f) => f.querySelector('legend')?.textContent === 'Customer rating',
  )
  return [...(fieldset?.querySelectorAll('label') ?? [])].map((label) => {
    const copy = label.cloneNode(true) as HTMLElement
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove()
    return {
      name: copy.textContent?.trim(),
      checked: label.querySelector('input')?.checked,
      input: label.querySelector('input')!,
    }
  })
}
const shown = () => ratingChoices().map(({ name, checked }) => ({ name, checked }))
const resultNames = () =>
  [...(view?.container.querySelectorAll('[aria-label="Results"] h3') ?? [])].map(
    (h) => h.textContent,
  )
const choose = async (input: HTMLInputElement) =>
  act(async () => {
    input.click()
    await new Promise((resolve) => setTimeout(resolve, 10))
  })

describe('the rating filter of the search page', () => {
  it('offers "N stars and up" with the facet counts and keeps the choice in the address', async () => {
    window.history.replaceState(null, '', `/search?q=${search.word}`)
    view = await renderInDom(<SearchPage />)
    await waitUntil(() => expect(resultNames()).toHaveLength(3))
    expect(shown()).toEqual([
      { name: 'Any rating', checked: true },
      { name: '4 stars and up (1)', checked: false },
      { name: '3 stars and up (2)', checked: false },
      { name: '2 stars and up (3)', checked: false },
      { name: '1 star and up (3)', checked: false },
    ])
    expect(
      ratingChoices()
        .slice(1)
        .map((c) => c.input.parentElement?.querySelector('[aria-hidden="true"]')?.textContent),
    ).toEqual(['4★ & up', '3★ & up', '2★ & up', '1★ & up'])

    await choose(ratingChoices()[2]!.input)
    expect(window.location.search).toBe(`?q=${search.word}&rating=3`)
    await waitUntil(() =>
      expect(resultNames().sort()).toEqual([
        `Highly rated ${search.word}`,
        `Middling rated ${search.word}`,
      ]),
    )
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('2 products')
    expect(shown().find((c) => c.checked)?.name).toBe('3 stars and up (2)')

    await choose(ratingChoices()[0]!.input)
    expect(window.location.search).toBe(`?q=${search.word}`)
    await waitUntil(() => expect(resultNames()).toHaveLength(3))
  })

  it('opens filtered from an address that carries the rating', async () => {
    window.history.replaceState(null, '', `/search?q=${search.word}&rating=4`)
    view = await renderInDom(<SearchPage />)
    await waitUntil(() => expect(resultNames()).toEqual([`Highly rated ${search.word}`]))
    expect(shown().find((c) => c.checked)?.name).toBe('4 stars and up (1)')
  })
})
