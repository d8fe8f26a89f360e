import { z } from 'zod'

const units = z.number().int().min(0).max(1_000_000_000)

/** A seller's stock change: a delta (received/lost units) or a counted on-hand figure, once per key. */
export const AdjustStockInput = z
  .object({
    variantId: z.uuid(),
    warehouseId: z.number().int().positive(),
    delta: z
      .number()
      .int()
      .min(-1_000_000_000)
      .max(1_000_000_000)
      .refine((d) => d !== 0, 'A change of 0 units changes nothing.')
      .optional(),
    setOnHand: units.optional(),
    /** Chosen by the client and reused on retry, so a retried adjustment is applied once. */
    idempotencyKey: z.string().trim().min(8).max(200),
    reason: z.enum(['restock', 'adjustment', 'return']),
    /** Available units at or below which this stock counts as low; null = the shop default. */
    lowStockThreshold: units.nullable().optional(),
  })
  .refine((i) => (i.delta === undefined) !== (i.setOnHand === undefined), {
    message: 'Give either a change (delta) or a counted quantity (setOnHand), not both.',
    path: ['delta'],
  })
export type AdjustStockInput = z.infer<typeof AdjustStockInput>

/** One stock row: a variant in a warehouse. */
export const StockLevelView = z.object({
  variantId: z.uuid(),
  warehouseId: z.number().int(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  lowStockThreshold: z.number().int(),
  low: z.boolean(),
})
export type StockLevelView = z.infer<typeof StockLevelView>

/** What an adjustment did: `applied: false` when the key was used before (nothing changed this time). */
export const AdjustStockResultView = z.object({ applied: z.boolean(), level: StockLevelView })

/** A row of the seller's inventory page. */
export const InventoryRowView = StockLevelView.extend({
  sku: z.string(),
  productName: z.string(),
  warehouseCode: z.string(),
  /** Units the variant's flash-sale gate can still admit; null when it is not in flash-sale mode. */
  flashSaleUnits: z.number().int().nullable(),
})
export type InventoryRowView = z.infer<typeof InventoryRowView>

/** Position in the seller's inventory list: the last row of a page. */
export const InventoryCursor = z.object({
  sku: z.string().min(1).max(100),
  warehouseId: z.number().int().positive(),
})

export const ListInventoryInput = z.object({
  variantId: z.uuid().optional(),
  lowOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(100),
  /** Keyset cursor: the `next` of the previous page (rows are ordered by SKU, then warehouse). */
  after: InventoryCursor.optional(),
})

/** One entry of the stock ledger. */
export const StockMovementView = z.object({
  id: z.number().int(),
  variantId: z.uuid(),
  sku: z.string(),
  warehouseId: z.number().int(),
  warehouseCode: z.string(),
  onHandDelta: z.number().int(),
  reservedDelta: z.number().int(),
  /** On hand in the warehouse right after this movement. */
  onHandAfter: z.number().int(),
  reason: z.enum(['restock', 'adjustment', 'reserve', 'release', 'commit', 'return', 'seed']),
  createdAt: z.iso.datetime(),
})
export type StockMovementView = z.infer<typeof StockMovementView>

export const ListStockMovementsInput = z.object({
  variantId: z.uuid().optional(),
  /** Page on: movements older than this id. */
  beforeId: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(200).default(50),
})

/** A low-stock alert on the seller dashboard. */
export const LowStockAlertView = z.object({
  id: z.number().int(),
  variantId: z.uuid(),
  sku: z.string(),
  warehouseId: z.number().int(),
  warehouseCode: z.string(),
  available: z.number().int(),
  threshold: z.number().int(),
  raisedAt: z.iso.datetime(),
})
export type LowStockAlertView = z.infer<typeof LowStockAlertView>

export const ListLowStockAlertsInput = z.object({
  limit: z.number().int().min(1).max(100).default(20),
})

/** Names one of the seller's variants for its flash sale. */
export const FlashSaleInput = z.object({ variantId: z.uuid() })

/** A variant's flash-sale gate: open with the units it can still admit, or closed (null). */
export const FlashSaleView = z.object({
  variantId: z.uuid(),
  open: z.boolean(),
  units: z.number().int().nullable(),
})
export type FlashSaleView = z.infer<typeof FlashSaleView>
