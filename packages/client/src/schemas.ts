// The API's own input schemas (from @emporium/domain), so clients validate forms and files alike.
export { AdjustStockInput, ListInventoryInput, MoneySchema } from '@emporium/domain'
export { ImportProductsInput, ImportResult } from '@emporium/domain/catalog'
export { LoginInput, RegisterInput } from '@emporium/domain/accounts'
