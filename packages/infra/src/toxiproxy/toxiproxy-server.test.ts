import { createConnection, createServer, type Server } from 'node:net'
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startToxiproxy, type FaultProxy, type RunningToxiproxy } from './toxiproxy-server'

/** Connects, sends `ping`, and resolves with the echoed text or the connection's error code. */
function ping(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    let received = ''
    socket.once('connect', () => socket.write('ping'))
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString()
      if (received === 'ping') {
        socket.end()
        resolve(received)
      }
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    socket.once('close', () => resolve(received === 'ping' ? received : `closed:${received}`))
  })
}

describe('toxiproxy-server started by a test, in front of a real TCP service', () => {
  let toxiproxy: RunningToxiproxy
  let echo: Server
  let proxy: FaultProxy
  beforeAll(async () => {
    echo = createServer((socket) => {
      // The reset_peer fault resets this side too; that reset is the behaviour under test.
      socket.on('error', (error: NodeJS.ErrnoException) => expect(error.code).toBe('ECONNRESET'))
      socket.pipe(socket)
    })
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve))
    const address = echo.address()
    if (address === null || typeof address === 'string') throw new Error('echo server has no port')
    toxiproxy = await startToxiproxy()
    proxy = await toxiproxy.proxy('echo', `127.0.0.1:${address.port}`)
  })
  afterAll(async () => {
    await toxiproxy?.stop()
    await new Promise((resolve) => echo?.close(resolve))
  })

  it('passes traffic through, then delays, resets and refuses it as told, and recovers', async () => {
    expect(await ping(proxy.port)).toBe('ping')

    await proxy.add('latency', { latency: 400 })
    const started = performance.now()
    expect(await ping(proxy.port)).toBe('ping')
    expect(performance.now() - started).toBeGreaterThanOrEqual(400)
    await proxy.clear()

    await proxy.add('reset_peer', { timeout: 0 })
    expect(await ping(proxy.port)).toMatch(/ECONNRESET|closed:/)
    await proxy.clear()
    expect(await ping(proxy.port)).toBe('ping')

    await proxy.disable()
    expect(await ping(proxy.port)).toBe('ECONNREFUSED')
    await proxy.enable()
    expect(await ping(proxy.port)).toBe('ping')
  })
})
