import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { SalesChart } from './sales-chart'

describe('SalesChart', () => {
  it('sizes the recharts chart and reads every day’s revenue and orders out in its table', () => {
    const html = renderToStaticMarkup(
      <SalesChart
        width={600}
        currency="USD"
        days={[
          { day: '2026-03-01', revenueMinor: 1999, orders: 1, units: 2 },
          { day: '2026-03-02', revenueMinor: 0, orders: 0, units: 0 },
          { day: '2026-03-03', revenueMinor: 5000, orders: 3, units: 4 },
        ]}
      />,
    )
    expect(html).toContain(
      'class="recharts-wrapper" style="position:relative;cursor:default;width:600px;height:260px"',
    )
    expect(html).toContain('<th scope="row">2026-03-03</th><td>$50.00</td><td>3</td>')
    expect(html).toContain('<th scope="row">2026-03-01</th><td>$19.99</td><td>1</td>')
    expect(html).toContain('<th scope="row">2026-03-02</th><td>$0.00</td><td>0</td>')
  })
})
