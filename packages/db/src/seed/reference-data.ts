import type { Kysely } from 'kysely'
import type { Database } from '../schema'
import type { SellerGroup } from './catalog-data'

/** The three demo stores, one per brand group of the seed catalog. */
export const DEMO_SELLERS: readonly {
  group: SellerGroup
  ownerEmail: string
  storeName: string
  slug: string
}[] = [
  {
    group: 'phones',
    ownerEmail: 'seller@emporium.local',
    storeName: 'Northwind Mobile',
    slug: 'northwind-mobile',
  },
  {
    group: 'cases',
    ownerEmail: 'cases-seller@emporium.local',
    storeName: 'Shell & Shield',
    slug: 'shell-and-shield',
  },
  {
    group: 'accessories',
    ownerEmail: 'gear-seller@emporium.local',
    storeName: 'Pocket Gear Co.',
    slug: 'pocket-gear',
  },
]

/** Demo warehouses; stock is spread over them by SKU. */
export const DEMO_WAREHOUSES = [
  { code: 'US-EAST-1', name: 'Columbus fulfilment centre', region: 'us-east', country: 'US' },
  { code: 'US-WEST-1', name: 'Reno fulfilment centre', region: 'us-west', country: 'US' },
  { code: 'EU-CENTRAL-1', name: 'Leipzig fulfilment centre', region: 'eu-central', country: 'DE' },
] as const

const TAX_RATES = [
  { region: 'US-CA', name: 'California sales tax', rate_bps: 725 },
  { region: 'US-NY', name: 'New York sales tax', rate_bps: 400 },
  { region: 'US-TX', name: 'Texas sales tax', rate_bps: 625 },
  { region: 'US-WA', name: 'Washington sales tax', rate_bps: 650 },
  { region: 'DE', name: 'Germany VAT', rate_bps: 1900 },
  { region: 'GB', name: 'United Kingdom VAT', rate_bps: 2000 },
]

/** Creates or refreshes the demo stores (approved); returns seller ids by group. */
export async function seedSellers(
  db: Kysely<Database>,
  userIds: Map<string, string>,
): Promise<Map<SellerGroup, string>> {
  const ids = new Map<SellerGroup, string>()
  for (const s of DEMO_SELLERS) {
    const userId = userIds.get(s.ownerEmail)
    if (userId === undefined) throw new Error(`Demo seller owner ${s.ownerEmail} was not seeded`)
    const row = await db
      .insertInto('sellers')
      .values({
        user_id: userId,
        store_name: s.storeName,
        slug: s.slug,
        contact_email: s.ownerEmail,
        payout_currency: 'USD',
        status: 'approved',
      })
      .onConflict((oc) =>
        oc
          .column('slug')
          .doUpdateSet({ store_name: s.storeName, status: 'approved', updated_at: new Date() }),
      )
      .returning('id')
      .executeTakeFirstOrThrow()
    ids.set(s.group, row.id)
  }
  return ids
}

/** Creates the demo warehouses, tax rates and coupons (existing rows are left as they are). */
export async function seedReferenceData(db: Kysely<Database>): Promise<number[]> {
  await db
    .insertInto('warehouses')
    .values([...DEMO_WAREHOUSES])
    .onConflict((oc) => oc.column('code').doNothing())
    .execute()
  await db
    .insertInto('tax_rates')
    .values(TAX_RATES)
    .onConflict((oc) => oc.column('region').doNothing())
    .execute()
  await db
    .insertInto('coupons')
    .values([
      // 10% off, once per customer.
      { code: 'WELCOME10', kind: 'percentage', value: 1000, usage_limit_per_customer: 1 },
      // $20 off orders of $100 or more, 1,000 redemptions in all.
      {
        code: 'SAVE20',
        kind: 'fixed',
        value: 2000,
        currency: 'USD',
        min_spend_minor: 10000,
        usage_limit_total: 1000,
        stackable: true,
      },
      { code: 'FREESHIP', kind: 'free_shipping', value: 0, stackable: true },
    ])
    .onConflict((oc) => oc.column('code').doNothing())
    .execute()
  const warehouses = await db
    .selectFrom('warehouses')
    .select('id')
    .where(
      'code',
      'in',
      DEMO_WAREHOUSES.map((w) => w.code),
    )
    .orderBy('code')
    .execute()
  return warehouses.map((w) => w.id)
}
