import { describe, expect, it } from 'vitest'
import { InvalidArgumentError } from '../errors'
import { StockBadgeSchema, availableToSell, stockBadge } from './stock-level'

describe('availableToSell', () => {
  it('subtracts reservations and never goes below zero', () => {
    expect(availableToSell(10, 3)).toBe(7)
    expect(availableToSell(3, 3)).toBe(0)
    expect(availableToSell(2, 5)).toBe(0)
  })

  it('refuses counts that are not whole units', () => {
    expect(() => availableToSell(-1, 0)).toThrow(InvalidArgumentError)
    expect(() => availableToSell(1.5, 0)).toThrow(InvalidArgumentError)
  })
})

describe('stockBadge', () => {
  it('shows out of stock, "only N left" up to the threshold, and in stock above it', () => {
    expect(stockBadge(0, 5)).toEqual({ status: 'out_of_stock', label: 'Out of stock' })
    expect(stockBadge(1, 5)).toEqual({ status: 'low', remaining: 1, label: 'Only 1 left' })
    expect(stockBadge(5, 5)).toEqual({ status: 'low', remaining: 5, label: 'Only 5 left' })
    expect(stockBadge(6, 5)).toEqual({ status: 'in_stock', label: 'In stock' })
    expect(stockBadge(1, 0)).toEqual({ status: 'in_stock', label: 'In stock' })
    expect(StockBadgeSchema.parse(stockBadge(2, 3))).toEqual(stockBadge(2, 3))
  })
})
