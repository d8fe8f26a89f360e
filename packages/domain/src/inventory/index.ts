export {
  allocateOrderToWarehouses,
  type AllocationResult,
  type LineAllocation,
  type OrderLineDemand,
  type RegionDistance,
  type StockRecord,
} from './allocate-order'
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
