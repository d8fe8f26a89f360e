import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  assertValidObjectKey,
  mediaUrl,
  type ObjectStorage,
  type StoredObject,
} from './object-storage'

/** Resolves `key` under `dir`, refusing anything that would land outside it. */
function inside(dir: string, key: string): string {
  assertValidObjectKey(key)
  const resolved = path.resolve(dir, key)
  if (!resolved.startsWith(dir + path.sep))
    throw new Error(`Object key ${key} resolves outside the store`)
  return resolved
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}

/**
 * Object store in a folder: bytes under `objects/<key>`, the content type under `meta/<key>.json`.
 * Writes go to a temporary file renamed into place, so a reader never sees half an object.
 */
export function createLocalDiskStorage(options: {
  rootDir: string
  baseUrl?: string
}): ObjectStorage {
  const root = path.resolve(options.rootDir)
  const objects = path.join(root, 'objects')
  const meta = path.join(root, 'meta')

  async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
    await mkdir(path.dirname(file), { recursive: true })
    const temporary = `${file}.${randomUUID()}.tmp`
    await writeFile(temporary, data)
    await rename(temporary, file)
  }

  return {
    kind: 'local',
    async put(key, bytes, contentType) {
      const file = inside(objects, key)
      await writeAtomically(inside(meta, `${key}.json`), JSON.stringify({ contentType }))
      await writeAtomically(file, bytes)
    },
    async get(key): Promise<StoredObject | undefined> {
      const file = inside(objects, key)
      try {
        const [bytes, info] = await Promise.all([
          readFile(file),
          readFile(inside(meta, `${key}.json`), 'utf8'),
        ])
        const { contentType } = JSON.parse(info) as { contentType: string }
        return {
          bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          contentType,
        }
      } catch (error) {
        if (isMissing(error)) return undefined
        throw error
      }
    },
    async delete(key) {
      await rm(inside(objects, key), { force: true })
      await rm(inside(meta, `${key}.json`), { force: true })
    },
    url: (key) => mediaUrl(options.baseUrl, key),
    close: () => undefined,
  }
}
