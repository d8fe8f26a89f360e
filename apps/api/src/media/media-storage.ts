import { createObjectStorage, type Config, type ObjectStorage } from '@emporium/infra'

const stores = new WeakMap<Config, ObjectStorage>()

/** The object store for this config, created once and shared by the upload procedures and `/media`. */
export function mediaStorage(config: Config): ObjectStorage {
  let storage = stores.get(config)
  if (!storage) {
    storage = createObjectStorage(config)
    stores.set(config, storage)
  }
  return storage
}
