import { describe, expect, it } from 'vitest'
import { buildTimeline } from './timeline'

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute))

describe('buildTimeline', () => {
  it('merges history, parcels and carrier updates oldest first, cause before effect', () => {
    const timeline = buildTimeline({
      history: [
        { id: 2, from: 'pending', to: 'paid', note: null, at: at(1) },
        { id: 1, from: null, to: 'pending', note: null, at: at(0) },
        { id: 4, from: 'fulfilling', to: 'shipped', note: null, at: at(5) },
        { id: 3, from: 'paid', to: 'fulfilling', note: null, at: at(5) },
        { id: 5, from: 'shipped', to: 'delivered', note: null, at: at(40) },
      ],
      shipments: [
        { id: 's1', storeName: 'Acme', carrier: 'UPS', trackingNumber: '1Z', shippedAt: at(5) },
      ],
      events: [
        {
          id: 8,
          shipmentId: 's1',
          status: 'delivered',
          description: 'Left at door',
          location: 'Springfield',
          occurredAt: at(30),
        },
        {
          id: 7,
          shipmentId: 's1',
          status: 'in_transit',
          description: null,
          location: null,
          occurredAt: at(10),
        },
        {
          id: 9,
          shipmentId: 'unknown',
          status: 'in_transit',
          description: null,
          location: null,
          occurredAt: at(11),
        },
      ],
    })
    expect(timeline.map((e) => e.title)).toEqual([
      'Order placed',
      'Payment received',
      'Shipped by Acme with UPS',
      'Preparing your order',
      'Order shipped',
      'In transit',
      'Delivered',
      'Order delivered',
    ])
    expect(timeline[6]).toEqual({
      kind: 'tracking',
      at: at(30).toISOString(),
      shipmentId: 's1',
      carrier: 'UPS',
      trackingNumber: '1Z',
      status: 'delivered',
      description: 'Left at door',
      location: 'Springfield',
      title: 'Delivered',
    })
  })
})
