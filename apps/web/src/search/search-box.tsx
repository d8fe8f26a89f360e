import { useQuery } from '@tanstack/react-query'
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { navigate } from '../router'
import { trpc } from '../trpc'
import { parseSearchState, searchHref } from './search-params'
import { useDebounced } from './use-debounced'

interface Suggestion {
  key: string
  label: string
  hint: string
  href: string
}

/**
 * The header's search field: a combobox suggesting products and categories as the shopper types
 * (arrow keys move through them, Enter opens one, Escape closes the list); submitting searches.
 */
export function SearchBox() {
  const id = useId()
  const listId = `${id}-suggestions`
  const [text, setText] = useState(() => parseSearchState(window.location.search.slice(1)).q)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const prefix = useDebounced(text.trim(), 150)
  const suggestions = useQuery({
    queryKey: ['search', 'autocomplete', prefix],
    queryFn: () => trpc.search.autocomplete.query({ prefix, limit: 6 }),
    enabled: prefix.length >= 2,
    staleTime: 30_000,
  })
  const items: Suggestion[] = [
    ...(suggestions.data?.products ?? []).map((p) => ({
      key: `p-${p.productId}`,
      label: p.name,
      hint: 'Product',
      href: `/p/${p.slug}`,
    })),
    ...(suggestions.data?.categories ?? []).map((c) => ({
      key: `c-${c.path}`,
      label: c.name,
      hint: `Category · ${c.count}`,
      href: `/c/${c.path}`,
    })),
  ]
  const expanded = open && prefix.length >= 2 && items.length > 0

  const go = (href: string) => {
    setOpen(false)
    setActive(-1)
    navigate(href)
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const chosen = expanded ? items[active] : undefined
    if (chosen) return go(chosen.href)
    go(searchHref({ ...parseSearchState(''), q: text.trim() }))
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      setOpen(true)
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (items.length === 0 ? -1 : (i + step + items.length) % items.length))
    } else if (event.key === 'Escape') {
      setOpen(false)
      setActive(-1)
    }
  }

  return (
    <form role="search" className="search-box" onSubmit={onSubmit}>
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Search products
      </label>
      <input
        id={`${id}-input`}
        type="search"
        name="q"
        placeholder="Search products"
        autoComplete="off"
        role="combobox"
        aria-autocomplete="list"
        aria-controls={listId}
        aria-expanded={expanded}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
          setActive(-1)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <button type="submit">Search</button>
      <ul id={listId} role="listbox" aria-label="Suggestions" hidden={!expanded}>
        {items.map((item, i) => (
          <li
            key={item.key}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(item.href)}
          >
            {item.label} <span className="muted">{item.hint}</span>
          </li>
        ))}
      </ul>
    </form>
  )
}
