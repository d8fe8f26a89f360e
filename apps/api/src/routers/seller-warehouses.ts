import { z } from 'zod'
import { listWarehouses } from '@emporium/db'
import { router, sellerProcedure } from '../trpc'

const WarehouseView = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  region: z.string(),
  country: z.string(),
})

/** Stock locations a seller can receive stock in. */
export const sellerWarehousesRouter = router({
  /** Warehouses, newest first. */
  listWarehouses: sellerProcedure
    .output(z.object({ items: z.array(WarehouseView) }))
    .query(async ({ ctx }) => ({ items: await listWarehouses(ctx.db) })),
})
