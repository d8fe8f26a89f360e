import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { TopProduct } from '@emporium/domain/sales'
import { formatPrice } from '../ui/format-price'

/** The best-selling products by revenue as horizontal bars, with the same figures as a list. */
export function TopProductsChart({
  products,
  currency,
}: {
  products: readonly TopProduct[]
  currency: string
}) {
  const money = (minor: number) => formatPrice({ amount: minor, currency })
  if (products.length === 0) return <p>No sales in this period.</p>
  return (
    <figure className="sales-chart">
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={40 + products.length * 36}>
          <BarChart data={[...products]} layout="vertical" margin={{ left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={money} />
            <YAxis type="category" dataKey="productName" width={140} />
            <Tooltip formatter={(value) => money(Number(value))} />
            <Bar dataKey="revenueMinor" name="Revenue" fill="#176c3a" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ol aria-label="Top products by revenue">
        {products.map((p) => (
          <li key={p.productId ?? p.productName}>
            {p.productName}: {money(p.revenueMinor)} ({p.units} sold)
          </li>
        ))}
      </ol>
    </figure>
  )
}
