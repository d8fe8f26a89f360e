import type { Redis } from 'ioredis'

/** What the test gateway holds for one order: succeeded payments, money taken and refunded. */
export interface TestGatewayCharges {
  succeeded: number
  capturedMinor: number
  refundedMinor: number
}

/**
 * Reads the built-in test gateway's own records (its intents in Redis) for the given orders, so
 * the books can be checked against the gateway rather than only against our payment rows.
 */
export async function testGatewayCharges(
  redis: Redis,
  orderIds: Iterable<string>,
): Promise<Map<string, TestGatewayCharges>> {
  const wanted = new Set(orderIds)
  const charges = new Map<string, TestGatewayCharges>()
  for (const id of wanted) charges.set(id, { succeeded: 0, capturedMinor: 0, refundedMinor: 0 })
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', 'tgw:intent:*', 'COUNT', 5_000)
    cursor = next
    const values = keys.length > 0 ? await redis.mget(...keys) : []
    for (const raw of values) {
      if (!raw) continue
      const intent = JSON.parse(raw) as {
        orderId: string
        status: string
        amount: { amount: number }
        refundedMinor: number
      }
      const entry = charges.get(intent.orderId)
      if (!entry || intent.status !== 'succeeded') continue
      entry.succeeded += 1
      entry.capturedMinor += intent.amount.amount
      entry.refundedMinor += intent.refundedMinor
    }
  } while (cursor !== '0')
  return charges
}
