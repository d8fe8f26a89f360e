import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { formatPrice } from '../ui/format-price'
import type { SalesDay } from '@emporium/domain/sales'

/**
 * Revenue (bars, left axis) and orders (line, right axis) per day, drawn with recharts. A hidden
 * table carries the same figures for screen readers. `width` fixes the size (otherwise it fills
 * its container).
 */
export function SalesChart({
  days,
  currency,
  width,
}: {
  days: readonly SalesDay[]
  currency: string
  width?: number
}) {
  const money = (minor: number) => formatPrice({ amount: minor, currency })
  const chart = (
    <ComposedChart data={[...days]} width={width} height={width ? 260 : undefined}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} />
      <YAxis yAxisId="revenue" tickFormatter={money} width={80} />
      <YAxis yAxisId="orders" orientation="right" allowDecimals={false} />
      <Tooltip
        formatter={(value, name) => (name === 'Revenue' ? money(Number(value)) : String(value))}
      />
      <Legend />
      <Bar yAxisId="revenue" dataKey="revenueMinor" name="Revenue" fill="#1f5fbf" />
      <Line yAxisId="orders" dataKey="orders" name="Orders" stroke="#a1201b" strokeWidth={2} />
    </ComposedChart>
  )
  return (
    <figure className="sales-chart">
      <div aria-hidden="true">
        {width ? (
          chart
        ) : (
          <ResponsiveContainer width="100%" height={260}>
            {chart}
          </ResponsiveContainer>
        )}
      </div>
      <table className="visually-hidden">
        <caption>Revenue and orders per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Revenue</th>
            <th scope="col">Orders</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td>{money(d.revenueMinor)}</td>
              <td>{d.orders}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
