import { randomUUID } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createObjectStorage } from './create-object-storage'
import { InvalidObjectKeyError, type ObjectStorage } from './object-storage'
import { startS3TestServer } from './s3-test-server'

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 0, 255])
const BASE_CONFIG = {
  MEDIA_BASE_URL: undefined,
  S3_BUCKET: undefined,
  S3_ENDPOINT: undefined,
  S3_REGION: 'us-east-1',
  S3_ACCESS_KEY_ID: undefined,
  S3_SECRET_ACCESS_KEY: undefined,
  S3_FORCE_PATH_STYLE: true,
  STORAGE_DIR: undefined,
}

/** The same behaviour, whichever backend stores the bytes. */
function contract(
  name: string,
  open: () => Promise<{ storage: ObjectStorage; close: () => Promise<void> }>,
) {
  describe(`object storage contract: ${name}`, () => {
    let storage: ObjectStorage
    let close: () => Promise<void>
    beforeAll(async () => {
      ;({ storage, close } = await open())
    })
    afterAll(async () => {
      await close()
    })

    it('stores bytes with their content type, replaces them, and deletes them', async () => {
      const key = `products/${randomUUID()}/image-thumb.png`
      expect(await storage.get(key)).toBeUndefined()
      await storage.put(key, png, 'image/png')
      const stored = await storage.get(key)
      expect(stored?.contentType).toBe('image/png')
      expect(Array.from(stored?.bytes ?? [])).toEqual(Array.from(png))

      await storage.put(key, new Uint8Array([1, 2]), 'image/webp')
      const replaced = await storage.get(key)
      expect(replaced?.contentType).toBe('image/webp')
      expect(Array.from(replaced?.bytes ?? [])).toEqual([1, 2])

      await storage.delete(key)
      expect(await storage.get(key)).toBeUndefined()
      await expect(storage.delete(key)).resolves.toBeUndefined() // deleting twice is fine
    })

    it('keeps keys apart and serves them under /media', async () => {
      const a = `products/${randomUUID()}/a.webp`
      const b = `products/${randomUUID()}/a.webp`
      await storage.put(a, new Uint8Array([1]), 'image/webp')
      await storage.put(b, new Uint8Array([2]), 'image/webp')
      expect(Array.from((await storage.get(a))?.bytes ?? [])).toEqual([1])
      expect(Array.from((await storage.get(b))?.bytes ?? [])).toEqual([2])
      expect(storage.url(a)).toBe(`/media/${a}`)
    })

    it('refuses keys that could escape the store', async () => {
      for (const key of [
        '../secret',
        'a/../../etc/passwd',
        '/etc/passwd',
        'a//b',
        './a',
        'a\\b',
        '',
        'a/b c',
      ]) {
        await expect(storage.put(key, png, 'image/png'), key).rejects.toBeInstanceOf(
          InvalidObjectKeyError,
        )
        await expect(storage.get(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError)
      }
    })
  })
}

let localDir = ''
contract('local disk', async () => {
  localDir = await mkdtemp(path.join(tmpdir(), 'emporium-storage-'))
  const storage = createObjectStorage({ ...BASE_CONFIG, STORAGE_DIR: localDir })
  expect(storage.kind).toBe('local')
  return { storage, close: () => rm(localDir, { recursive: true, force: true }) }
})

contract('S3-compatible server (gofakes3)', async () => {
  const bucket = `emporium-${randomUUID()}`
  const server = await startS3TestServer(bucket)
  const storage = createObjectStorage({
    ...BASE_CONFIG,
    S3_BUCKET: bucket,
    S3_ENDPOINT: server.endpoint,
    S3_ACCESS_KEY_ID: 'test',
    S3_SECRET_ACCESS_KEY: 'test',
  })
  expect(storage.kind).toBe('s3')
  return {
    storage,
    close: async () => {
      storage.close()
      await server.stop()
    },
  }
})

describe('local disk layout', () => {
  it('writes nothing outside its folder and leaves no temporary files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'emporium-storage-'))
    try {
      const storage = createObjectStorage({ ...BASE_CONFIG, STORAGE_DIR: dir })
      await storage.put('x/y.png', png, 'image/png')
      expect((await readdir(dir, { recursive: true })).sort()).toEqual([
        'meta',
        'meta/x',
        'meta/x/y.png.json',
        'objects',
        'objects/x',
        'objects/x/y.png',
      ])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
