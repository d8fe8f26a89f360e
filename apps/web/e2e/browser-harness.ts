import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { build, preview } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Where e2e tests save screenshots (git-ignored). */
export const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url))

/** A port nothing listens on (yet): the OS hands out a free one, which we release at once. */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

/**
 * Builds the app into its own temporary folder (other e2e files build `dist/` at the same time) and
 * serves it with `vite preview` on `port`, forwarding `/trpc` to the API.
 */
export async function serveBuiltApp(
  apiUrl: string,
  port: number,
): Promise<{ url: string; close: () => Promise<void> }> {
  const outDir = await mkdtemp(join(tmpdir(), 'emporium-web-'))
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } })
  const server = await preview({
    root,
    logLevel: 'silent',
    build: { outDir },
    preview: {
      host: '127.0.0.1',
      port,
      strictPort: true,
      proxy: {
        '/trpc': { target: apiUrl, changeOrigin: true },
        '/media': { target: apiUrl, changeOrigin: true },
      },
    },
  })
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.close()
      await rm(outDir, { recursive: true, force: true })
    },
  }
}

/** Debian's Chromium, headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
