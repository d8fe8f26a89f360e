const TEXT = { in_stock: 'In stock', low: 'Low stock', out_of_stock: 'Out of stock' } as const

/** A stock status in words (never by colour alone). */
export function StockBadge({
  status,
  label,
}: {
  status: keyof typeof TEXT
  /** The API's own words ("Only 3 left"), when it gives them. */
  label?: string
}) {
  return <span className={`badge badge--${status}`}>{label ?? TEXT[status]}</span>
}
