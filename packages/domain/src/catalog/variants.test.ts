import { describe, expect, it } from 'vitest'
import { money } from '../money'
import { ProductInput } from './product-input'
import { buildVariants, defaultSkuPrefix, publishProblems } from './variants'

const base = { options: [], prices: [], variants: [] }

describe('buildVariants', () => {
  it('makes one variant per option combination with deterministic SKUs, first option slowest', () => {
    const built = buildVariants(
      {
        ...base,
        options: [
          { name: 'Size', values: ['S', 'M'] },
          { name: 'Colour', values: ['Navy blue', 'Crème'] },
        ],
        prices: [money(1999, 'USD')],
      },
      'TEE',
    )
    expect(built).toEqual({
      ok: true,
      variants: [
        ['TEE-S-NAVY-BLUE', 'S / Navy blue', { Size: 'S', Colour: 'Navy blue' }, 0],
        ['TEE-S-CREME', 'S / Crème', { Size: 'S', Colour: 'Crème' }, 1],
        ['TEE-M-NAVY-BLUE', 'M / Navy blue', { Size: 'M', Colour: 'Navy blue' }, 2],
        ['TEE-M-CREME', 'M / Crème', { Size: 'M', Colour: 'Crème' }, 3],
      ].map(([sku, title, optionValues, position]) => ({
        sku,
        title,
        optionValues,
        position,
        prices: [{ amount: 1999, currency: 'USD' }],
        weightGrams: null,
      })),
    })
  })

  it('makes a single Default variant without options, SKU = prefix', () => {
    const built = buildVariants(base, defaultSkuPrefix('3f2a9c1b-0000-4000-8000-000000000000'))
    expect(built.ok && built.variants.map((v) => [v.sku, v.title])).toEqual([
      ['3F2A9C1B', 'Default'],
    ])
  })

  it('applies overrides: own SKU, prices replacing the product price per currency, weight', () => {
    const built = buildVariants(
      {
        options: [{ name: 'Size', values: ['S', 'L'] }],
        prices: [money(1000, 'USD'), money(900, 'EUR')],
        variants: [
          {
            options: { Size: 'L' },
            sku: 'big-one',
            prices: [money(1200, 'USD')],
            weightGrams: 300,
          },
        ],
      },
      'P',
    )
    expect(built.ok && built.variants.map((v) => [v.sku, v.prices, v.weightGrams])).toEqual([
      [
        'P-S',
        [
          { amount: 900, currency: 'EUR' },
          { amount: 1000, currency: 'USD' },
        ],
        null,
      ],
      [
        'big-one',
        [
          { amount: 900, currency: 'EUR' },
          { amount: 1200, currency: 'USD' },
        ],
        300,
      ],
    ])
  })

  it('refuses more than 100 variants, repeated options and values, unknown override combinations', () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`)
    expect(
      buildVariants(
        {
          ...base,
          options: [
            { name: 'A', values: values(11) },
            { name: 'B', values: values(10) },
          ],
        },
        'X',
      ),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: ['options'],
          message: 'These options make 110 variants; a product may have at most 100',
        },
      ],
    })
    expect(
      buildVariants(
        {
          ...base,
          options: [
            { name: 'Size', values: ['S', 's'] },
            { name: 'size', values: ['x'] },
          ],
        },
        'X',
      ),
    ).toEqual({
      ok: false,
      issues: [
        { path: ['options', 0, 'values', 1], message: 'Option values "S" and "s" are the same' },
        { path: ['options', 1, 'name'], message: 'Option "size" is repeated' },
      ],
    })
    expect(
      buildVariants(
        {
          ...base,
          options: [{ name: 'Size', values: ['S'] }],
          variants: [{ options: { Size: 'XL' } }],
        },
        'X',
      ),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: ['variants', 0, 'options'],
          message: 'No variant has the options {"Size":"XL"}; name one value of each option (Size)',
        },
      ],
    })
  })

  it('refuses two variants with the same SKU', () => {
    const built = buildVariants(
      {
        ...base,
        options: [{ name: 'Size', values: ['S', 'M'] }],
        variants: [{ options: { Size: 'M' }, sku: 'x-s' }],
      },
      'X',
    )
    expect(built).toEqual({
      ok: false,
      issues: [{ path: ['variants'], message: 'SKU x-s is used by two variants' }],
    })
  })
})

describe('ProductInput', () => {
  it('reports variant problems at their input path', () => {
    const parsed = ProductInput.safeParse({
      name: 'Tee',
      options: [{ name: 'Size', values: ['S', 'S'] }],
    })
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.path, i.message])).toEqual([
      [['options', 0, 'values', 1], 'Option values "S" and "S" are the same'],
    ])
  })

  it('refuses a negative price and two prices in one currency', () => {
    const parsed = ProductInput.safeParse({
      name: 'Tee',
      prices: [{ amount: -1, currency: 'USD' }],
      variants: [],
    })
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toEqual([
      'Price must not be negative',
    ])
    const twice = ProductInput.safeParse({
      name: 'Tee',
      prices: [money(1, 'USD'), money(2, 'USD')],
    })
    expect(twice.success ? [] : twice.error.issues.map((i) => i.message)).toEqual([
      'Give each currency at most one price',
    ])
  })
})

describe('publishProblems', () => {
  it('needs a price on every variant', () => {
    expect(publishProblems([{ sku: 'A', prices: [1] }])).toEqual([])
    expect(
      publishProblems([
        { sku: 'A', prices: [1] },
        { sku: 'B', prices: [] },
      ]),
    ).toEqual(['Give a price to every variant first: B'])
    expect(publishProblems([])).toEqual(['The product has no variants'])
  })
})
