import type { Interaction, ItemMeta } from './types'

/** Purchases of `items` by `userId` in one basket on day `day` of January 2024. */
export function basket(
  basketId: string,
  userId: string,
  day: number,
  items: string[],
): Interaction[] {
  const at = `2024-01-${String(day).padStart(2, '0')}T10:00:00Z`
  return items.map((itemId) => ({ userId, itemId, at, kind: 'purchase', basketId }))
}

/** Four baskets where bread and butter are bought together three times. */
export const toyBaskets: Interaction[] = [
  ...basket('b1', 'u1', 1, ['bread', 'butter', 'milk']),
  ...basket('b2', 'u2', 2, ['bread', 'butter']),
  ...basket('b3', 'u3', 3, ['bread', 'butter', 'jam']),
  ...basket('b4', 'u4', 4, ['milk', 'cereal']),
]

/** Catalog metadata for the toy baskets plus two items nobody bought yet. */
export const toyItems: ItemMeta[] = [
  { itemId: 'bread', category: 'bakery', text: 'white bread' },
  { itemId: 'butter', category: 'dairy', text: 'butter' },
  { itemId: 'milk', category: 'dairy', text: 'whole milk' },
  { itemId: 'jam', category: 'pantry', text: 'strawberry jam' },
  { itemId: 'cereal', category: 'pantry', text: 'corn cereal' },
  { itemId: 'buttermilk', category: 'dairy', text: 'butter milk' },
  { itemId: 'rolls', category: 'bakery', text: 'bread rolls' },
]
