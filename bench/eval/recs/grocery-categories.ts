import type { ItemMeta } from '@emporium/domain/recommendations'

// The grocery log names items only ("whole milk", "canned beer"), so the content model gets a category
// derived from the name: the first rule whose keyword appears as a whole word wins. Order matters:
// "frozen vegetables" is frozen, not produce; "canned beer" is alcohol, "canned fish" is pantry;
// "cream cheese" is cheese, not dairy; "fruit/vegetable juice" is a beverage.
const RULES: readonly (readonly [string, string])[] = [
  ['canned beer', 'alcohol'],
  ['frozen', 'frozen'],
  ['ice cream', 'frozen'],
  ['cooking chocolate', 'pantry'],
  ['condensed milk', 'pantry'],
  ['canned', 'pantry'],
  ['pickled', 'pantry'],
  ['rubbing alcohol', 'personal_care'],
  ...words('alcohol', 'beer wine liquor brandy rum whisky liqueur prosecco'),
  ...words('beverages', 'juice soda water beverages coffee tea drinks'),
  ['cheese', 'cheese'],
  ...words('dairy', 'milk yogurt cream curd butter margarine eggs dessert'),
  ...words('produce', 'fruit vegetables berries grapes onions herbs'),
  ...words('bakery', 'bread rolls pastry waffles zwieback bakery roll'),
  ...words('meat_fish', 'sausage pork frankfurter beef chicken ham meat turkey loaf fish'),
  ...words('snacks_sweets', 'chocolate candy snack gum popcorn tidbits nuts bar'),
  ...words(
    'pantry',
    'sugar flour oil pasta rice salt spices vinegar mustard ketchup mayonnaise sauces soups powder jam honey syrup sweetener fat food spreads cereals dressing preservation products',
  ),
]

// Non-food departments are matched first by their own keywords ("cat food" is pet, not pantry).
const NON_FOOD: readonly (readonly [string, string])[] = [
  ...words('pet', 'cat dog pet'),
  ...words('personal_care', 'hygiene sanitary cosmetics dental soap skin hair make'),
  ...words(
    'household',
    'bags napkins detergent dishes cleaner softener towels candles bulbs cookware utensil decalcifier house',
  ),
  ...words('garden', 'plants flower'),
  ['organic products', 'other'],
  ...words('other', 'newspapers photo seasonal'),
]

function words(category: string, keywords: string): [string, string][] {
  return keywords.split(' ').map((keyword) => [keyword, category])
}

function hasWord(name: string, keyword: string): boolean {
  const at = name.indexOf(keyword)
  if (at < 0) return false
  const before = name[at - 1]
  const after = name[at + keyword.length]
  const isLetter = (c: string | undefined) => c !== undefined && /[a-z]/.test(c)
  return !isLetter(before) && (!isLetter(after) || after === 's')
}

/** The category of a grocery item name ('other' when no rule matches). */
export function groceryCategory(name: string): string {
  const lower = name.toLowerCase()
  for (const [keyword, category] of [...NON_FOOD, ...RULES])
    if (hasWord(lower, keyword)) return category
  return 'other'
}

/** Item metadata for the content model: derived category and the name as text. */
export function groceryItemMeta(names: Iterable<string>): ItemMeta[] {
  return [...new Set(names)]
    .sort()
    .map((name) => ({ itemId: name, category: groceryCategory(name), text: name }))
}
