import { describe, expect, it } from 'vitest'
import { refundRequest, type RefundFormValues } from './refund-request'

const order = {
  orderId: '0b7c3f9e-5d0a-4a43-9a51-6f2b1f0f4c11',
  currency: 'USD',
  idempotencyKey: 'web-key-0001',
}
const ids = { orderId: order.orderId, idempotencyKey: order.idempotencyKey }
const form = (values: Partial<RefundFormValues>): RefundFormValues => ({
  mode: 'items',
  quantities: [
    { orderItemId: 11, text: '0' },
    { orderItemId: 12, text: '' },
  ],
  amountText: '',
  restock: false,
  reason: '',
  ...values,
})

describe('refundRequest', () => {
  it('sends only the lines with units to refund, with restock and a trimmed reason', () => {
    const result = refundRequest(
      form({
        quantities: [
          { orderItemId: 11, text: '2' },
          { orderItemId: 12, text: '0' },
        ],
        restock: true,
        reason: '  arrived broken ',
      }),
      order,
    )
    expect(result).toEqual({
      ok: true,
      data: {
        ...ids,
        items: [{ orderItemId: 11, quantity: 2 }],
        restock: true,
        reason: 'arrived broken',
      },
    })
  })

  it('reads an amount in major units as exact minor units', () => {
    expect(refundRequest(form({ mode: 'amount', amountText: '12.50' }), order)).toEqual({
      ok: true,
      data: { ...ids, amountMinor: 1250, restock: false },
    })
  })

  it('asks for units when none are chosen, and for whole positive units', () => {
    expect(refundRequest(form({}), order)).toEqual({
      ok: false,
      errors: { items: ['Choose how many units to refund.'] },
    })
    expect(refundRequest(form({ quantities: [{ orderItemId: 11, text: '1.5' }] }), order)).toEqual({
      ok: false,
      errors: { items: ['Units must be whole numbers above zero.'] },
    })
  })

  it('refuses an amount that is not a number, is zero, or has too many decimals', () => {
    for (const amountText of ['ten', '', '12.345'])
      expect(refundRequest(form({ mode: 'amount', amountText }), order)).toEqual({
        ok: false,
        errors: { amountMinor: ['Enter the amount as a number such as 12.50.'] },
      })
    expect(refundRequest(form({ mode: 'amount', amountText: '0.00' }), order)).toEqual({
      ok: false,
      errors: { amountMinor: ['Enter an amount above zero.'] },
    })
  })

  it('passes on the shared schema’s refusal of a reason that is too long', () => {
    const result = refundRequest(
      form({ quantities: [{ orderItemId: 11, text: '1' }], reason: 'x'.repeat(501) }),
      order,
    )
    expect(result.ok).toBe(false)
    expect(result.ok ? null : Object.keys(result.errors)).toEqual(['reason'])
  })
})
