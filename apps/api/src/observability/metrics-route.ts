import type http from 'node:http'
import { metricsText } from '@emporium/infra'

/** `GET /metrics`: the process's Prometheus metrics in the text exposition format. */
export async function handleMetrics(res: http.ServerResponse): Promise<void> {
  const { contentType, body } = await metricsText()
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' })
  res.end(body)
}
