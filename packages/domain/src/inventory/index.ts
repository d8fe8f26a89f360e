export {
  allocateOrderToWarehouses,
  type AllocationResult,
  type LineAllocation,
  type OrderLineDemand,
  type StockRecord,
} from './allocate-order'
export {
  nearestWarehouseFirst,
  type RegionDistance,
  type WarehouseLocation,
} from './region-distance'
export { StockBadgeSchema, availableToSell, stockBadge, type StockBadge } from './stock-level'
export {
  AdjustStockInput,
  AdjustStockResultView,
  FlashSaleInput,
  FlashSaleView,
  InventoryCursor,
  InventoryRowView,
  ListInventoryInput,
  ListLowStockAlertsInput,
  ListStockMovementsInput,
  LowStockAlertView,
  StockLevelView,
  StockMovementView,
} from './stock-schemas'
