interface Entry<V> {
  value: V
  tags: readonly string[]
  expiresAt: number
}

/** A bounded in-process LRU with a per-entry lifetime and tags to drop groups of entries at once. */
export class LocalLru<V> {
  private readonly entries = new Map<string, Entry<V>>()

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The live value for `key` (marking it most recently used), or undefined. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    if (entry.expiresAt <= this.now()) return undefined
    this.entries.set(key, entry) // re-insert: Map order is the recency order
    return entry.value
  }

  /** Stores `value`, evicting the least recently used entry when full. */
  set(key: string, value: V, tags: readonly string[]): void {
    this.entries.delete(key)
    this.entries.set(key, { value, tags, expiresAt: this.now() + this.ttlMs })
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next()
      if (oldest.done) break
      this.entries.delete(oldest.value)
    }
  }

  /** Drops every entry carrying one of `tags`. */
  deleteTagged(tags: readonly string[]): void {
    if (tags.length === 0) return
    const wanted = new Set(tags)
    for (const [key, entry] of this.entries) {
      if (entry.tags.some((t) => wanted.has(t))) this.entries.delete(key)
    }
  }

  /** Drops everything. */
  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }
}
