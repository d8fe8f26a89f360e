import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'

// The browser talks to the API same-origin: the dev and preview servers forward these paths.
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000'
const proxy: Record<string, ProxyOptions> = {
  '/trpc': { target: apiUrl, changeOrigin: true },
  '/healthz': { target: apiUrl, changeOrigin: true },
  // Signed links in mails (unsubscribe, cart restore) point at the web origin.
  '/links': { target: apiUrl, changeOrigin: true },
  // Uploaded images (product and review photos) are served by the API.
  '/media': { target: apiUrl, changeOrigin: true },
}

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
})
