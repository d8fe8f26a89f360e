import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv'
import { csvRowToCandidate, readCsvImport, validateImportRow } from './import-rows'

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, embedded commas and newlines, CRLF', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n"two\nlines",,x\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['two\nlines', '', 'x'],
    ])
  })
  it('refuses an unterminated quote with its line', () => {
    expect(() => parseCsv('a\n"b,c\n')).toThrow('The quote opened on line 2 is never closed')
  })
})

describe('CSV import rows', () => {
  const csv = [
    'name,brand,category,tags,attributes,options,sku_prefix,price_usd,price_EUR,status',
    'Tee,Acme,apparel/shirts,cotton|summer,waterproof:false|weight_kg:0.2|fit:slim,"Size:S,M|Colour:Red",TEE,19.99,18.5,active',
    ',Acme,,,,,,1.999,,',
  ].join('\n')

  it('turns a row into a typed product', () => {
    const { header, rows } = readCsvImport(csv)
    const first = rows[0]
    if (!first) throw new Error('no row')
    const { candidate, errors } = csvRowToCandidate(first, header.length)
    expect(errors).toEqual([])
    const result = validateImportRow(candidate, first.row, 'csv')
    expect(result.ok && result.product).toMatchObject({
      name: 'Tee',
      brand: 'Acme',
      categoryPath: 'apparel/shirts',
      tags: ['cotton', 'summer'],
      attributes: { waterproof: false, weight_kg: 0.2, fit: 'slim' },
      options: [
        { name: 'Size', values: ['S', 'M'] },
        { name: 'Colour', values: ['Red'] },
      ],
      skuPrefix: 'TEE',
      status: 'active',
      prices: [
        { amount: 1999, currency: 'USD' },
        { amount: 1850, currency: 'EUR' },
      ],
    })
  })

  it('reports each bad cell by column', () => {
    const { header, rows } = readCsvImport(csv)
    const second = rows[1]
    if (!second) throw new Error('no row')
    const { candidate, errors } = csvRowToCandidate(second, header.length)
    expect(errors).toEqual([
      { row: 2, field: 'price_USD', message: 'USD allows at most 2 decimal places, got "1.999"' },
    ])
    const result = validateImportRow(candidate, 2, 'csv')
    expect(result.ok ? [] : result.errors).toEqual([
      { row: 2, field: 'name', message: 'Product name is required' },
    ])
  })

  it('refuses unknown columns and currencies for the whole file', () => {
    expect(() => readCsvImport('name,colour\nx,y')).toThrow('Unknown column "colour"')
    expect(() => readCsvImport('name,price_XXX\nx,1')).toThrow(
      'Column price_XXX: XXX is not a supported currency',
    )
  })
})
