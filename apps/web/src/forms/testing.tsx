import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { vi } from 'vitest'

// React only flushes updates inside act() when it knows it runs in a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/**
 * Renders a page part into the test's DOM (jsdom) with its own query cache, and records every
 * request the page sends (fetch is only watched: calls go through unchanged).
 */
export async function renderInDom(ui: ReactNode) {
  const container = document.createElement('div')
  document.body.append(container)
  const root = createRoot(container)
  // The tRPC client calls window.fetch at request time.
  const fetchSpy = vi.spyOn(window, 'fetch')
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  await act(async () => {
    root.render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>)
    await Promise.resolve()
  })
  return {
    container,
    /** URLs of the tRPC procedures called so far (`cart.applyCoupon`, …). */
    calledProcedures: () =>
      fetchSpy.mock.calls.flatMap(([input]) => {
        const url = input instanceof Request ? input.url : String(input)
        const path = /\/trpc\/([^?]+)/.exec(url)?.[1] ?? ''
        return path.split(',').filter(Boolean)
      }),
    /** Types into a named field and submits its form, as a shopper pressing Enter would. */
    async submit(form: HTMLFormElement, values: Record<string, string>) {
      for (const [name, value] of Object.entries(values)) {
        const field = form.elements.namedItem(name)
        if (
          !(
            field instanceof HTMLInputElement ||
            field instanceof HTMLSelectElement ||
            field instanceof HTMLTextAreaElement
          )
        )
          throw new Error(`The form has no field named ${name}`)
        field.value = value
      }
      await act(async () => {
        form.requestSubmit()
        await new Promise((resolve) => setTimeout(resolve, 10))
      })
    },
    /** The error message tied to a field through aria-describedby, or null. */
    describedErrorOf(field: Element): string | null {
      const ids = field.getAttribute('aria-describedby')?.split(' ') ?? []
      const errors = ids
        .map((id) => document.getElementById(id))
        .filter((el) => el?.classList.contains('field__error'))
      return errors.map((el) => el?.textContent ?? '').join(' ') || null
    },
    async unmount() {
      await act(async () => {
        root.unmount()
        await Promise.resolve()
      })
      container.remove()
      fetchSpy.mockRestore()
    },
  }
}
