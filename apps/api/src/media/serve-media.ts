import type http from 'node:http'
import { isValidObjectKey, type ObjectStorage } from '@emporium/infra'

/** Answers `GET|HEAD /media/<key>` from the object store: 404 for unknown or invalid keys. */
export async function serveMedia(
  storage: ObjectStorage,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  path: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end()
    return
  }
  let key: string
  try {
    key = decodeURIComponent(path.slice('/media/'.length))
  } catch {
    key = ''
  }
  const object = isValidObjectKey(key) ? await storage.get(key) : undefined
  if (!object) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
    res.end('Not found')
    return
  }
  res.writeHead(200, {
    'content-type': object.contentType,
    'content-length': object.bytes.byteLength,
    // Keys are never reused for other bytes (each upload gets a new id), so caches may keep them.
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  })
  res.end(req.method === 'HEAD' ? undefined : object.bytes)
}
