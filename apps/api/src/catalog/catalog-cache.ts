import { createHash } from 'node:crypto'
import {
  findCategoryPaths,
  findProductDetail,
  listCatalogProducts,
  loadCategoryTree,
  type Db,
  type ProductDetail,
  type ProductKey,
} from '@emporium/db'
import type { CurrencyCode } from '@emporium/domain'
import type { CategoryTree, ListProductsQuery, ProductListing } from '@emporium/domain/catalog'
import type { Logger, Redis } from '@emporium/infra'
import {
  ALL_CATEGORIES,
  INVALIDATION_CHANNEL,
  KEY_PREFIX,
  READ_LISTING_LUA,
  READ_PRODUCT_LUA,
  REDIS_TTL_S,
  tags,
  WRITE_LISTING_LUA,
  WRITE_PRODUCT_LUA,
  WRITE_TREE_LUA,
} from './cache-keys'
import {
  parseInvalidation,
  publishCategoryInvalidation,
  publishProductInvalidation,
} from './invalidation'
import { LocalLru } from './local-lru'
import { SingleFlight } from './single-flight'

/** Tuning of the catalog cache. */
export interface CatalogCacheOptions {
  /** Entries of the in-process LRU in front of Redis. */
  localMaxEntries?: number
  /** Safety-net lifetime of a local entry, should an invalidation message be lost. */
  localTtlMs?: number
}

/** Counters of where reads were answered; `dbLoads` counts loader runs. */
export interface CatalogCacheStats {
  localHits: number
  redisHits: number
  dbLoads: number
}

type Cached = ProductDetail | ProductListing | CategoryTree

/**
 * Cache-aside for shopper catalog reads: in-process LRU → Redis → Postgres, with single-flight per
 * key (concurrent cold reads on one instance run one database load; each instance loads at most
 * once, there is no cross-instance lock) and invalidation over Redis pub/sub.
 */
export class CatalogCache {
  readonly stats: CatalogCacheStats = { localHits: 0, redisHits: 0, dbLoads: 0 }
  /** Resolves once this instance listens for invalidations; until then nothing is kept locally. */
  readonly ready: Promise<void>
  private readonly local: LocalLru<Cached>
  private readonly flights = new SingleFlight()
  private readonly subscriber: Redis
  private subscribed = false
  // Bumped by every invalidation this instance hears; a load that saw it move keeps nothing locally.
  private localSeq = 0
  private bypass = false

  constructor(
    private readonly db: Db,
    private readonly redis: Redis,
    private readonly logger: Logger,
    options: CatalogCacheOptions = {},
  ) {
    this.local = new LocalLru(options.localMaxEntries ?? 2_000, options.localTtlMs ?? 60_000)
    this.subscriber = redis.duplicate()
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel === INVALIDATION_CHANNEL) this.onInvalidation(text)
    })
    // Messages sent while the connection was down are lost: start over after a reconnect.
    this.subscriber.on('ready', () => {
      if (this.subscribed) this.dropLocal()
    })
    this.ready = this.subscriber.subscribe(INVALIDATION_CHANNEL).then(() => {
      this.subscribed = true
    })
    this.ready.catch((error: unknown) =>
      logger.error({ err: error }, 'catalog cache could not subscribe to invalidations'),
    )
  }

  /** A product page (before breadcrumbs), or undefined when no shopper may see it. */
  async getProduct(key: ProductKey, currency: CurrencyCode): Promise<ProductDetail | undefined> {
    if (this.bypass) return this.load(() => findProductDetail(this.db, key, currency))
    const localKey = `product:${'id' in key ? `id:${key.id}` : `slug:${key.slug}`}:${currency}`
    const hit = this.local.get(localKey) as ProductDetail | undefined
    if (hit) {
      this.stats.localHits += 1
      return hit
    }
    return this.flights.run(localKey, async () => {
      const seq = this.localSeq
      const [, , json, wseq] = (await this.redis.eval(
        READ_PRODUCT_LUA,
        0,
        KEY_PREFIX,
        'id' in key ? key.id : '',
        'slug' in key ? key.slug : '',
        currency,
      )) as [string, string, string, string]
      let detail = json === '' ? undefined : (JSON.parse(json) as ProductDetail)
      // A slug that moved to another product (or was renamed) is a miss, not a hit.
      if (detail && 'slug' in key && detail.slug !== key.slug) detail = undefined
      if (detail) this.stats.redisHits += 1
      else {
        detail = await this.load(() => findProductDetail(this.db, key, currency))
        if (!detail) return undefined
        await this.redis.eval(
          WRITE_PRODUCT_LUA,
          0,
          KEY_PREFIX,
          wseq,
          detail.id,
          detail.slug,
          currency,
          JSON.stringify(detail),
          REDIS_TTL_S.product,
        )
      }
      this.keepLocal(seq, localKey, detail, [tags.product(detail.id)])
      return detail
    })
  }

  /** A listing page. */
  async listProducts(query: ListProductsQuery): Promise<ProductListing> {
    if (this.bypass) return this.load(() => listCatalogProducts(this.db, query))
    const path = query.categoryPath ?? ALL_CATEGORIES
    const hash = createHash('sha1')
      .update(JSON.stringify(canonical(query)))
      .digest('base64url')
    const localKey = `list:${path}:${hash}`
    const hit = this.local.get(localKey) as ProductListing | undefined
    if (hit) {
      this.stats.localHits += 1
      return hit
    }
    return this.flights.run(localKey, async () => {
      const seq = this.localSeq
      const [json, wseq] = (await this.redis.eval(READ_LISTING_LUA, 0, KEY_PREFIX, path, hash)) as [
        string,
        string,
      ]
      let listing: ProductListing
      if (json !== '') {
        this.stats.redisHits += 1
        listing = JSON.parse(json) as ProductListing
      } else {
        listing = await this.load(() => listCatalogProducts(this.db, query))
        const value = JSON.stringify(listing)
        await this.redis.eval(
          WRITE_LISTING_LUA,
          0,
          KEY_PREFIX,
          path,
          hash,
          wseq,
          value,
          REDIS_TTL_S.listing,
        )
      }
      this.keepLocal(seq, localKey, listing, [tags.path(path)])
      return listing
    })
  }

  /** The category tree. */
  async getCategoryTree(): Promise<CategoryTree> {
    if (this.bypass) return this.load(() => loadCategoryTree(this.db))
    const hit = this.local.get('tree') as CategoryTree | undefined
    if (hit) {
      this.stats.localHits += 1
      return hit
    }
    return this.flights.run('tree', async () => {
      const seq = this.localSeq
      const [json, wseq] = await Promise.all([
        this.redis.get(`${KEY_PREFIX}tree`),
        this.redis.get(`${KEY_PREFIX}wseq`),
      ])
      let tree: CategoryTree
      if (json !== null) {
        this.stats.redisHits += 1
        tree = JSON.parse(json) as CategoryTree
      } else {
        tree = await this.load(() => loadCategoryTree(this.db))
        const value = JSON.stringify(tree)
        await this.redis.eval(WRITE_TREE_LUA, 0, KEY_PREFIX, wseq ?? '0', value, REDIS_TTL_S.tree)
      }
      this.keepLocal(seq, 'tree', tree, [tags.tree])
      return tree
    })
  }

  /** Call after a product write commits: its page and its categories' listings are reloaded everywhere. */
  async invalidateProduct(productId: string, categoryIds: readonly number[]): Promise<void> {
    const paths = await findCategoryPaths(this.db, categoryIds)
    await publishProductInvalidation(this.redis, productId, paths)
  }

  /** Call after the category tree changes (create, rename, move) with the paths affected. */
  async invalidateCategories(paths: readonly string[]): Promise<void> {
    await publishCategoryInvalidation(this.redis, paths)
  }

  /** Reads go straight to Postgres while on (benchmarks of the uncached path, debugging). */
  setBypass(on: boolean): void {
    this.bypass = on
  }

  /** Stops listening for invalidations. */
  async close(): Promise<void> {
    await this.subscriber.quit()
  }

  private async load<T>(loader: () => Promise<T>): Promise<T> {
    this.stats.dbLoads += 1
    return loader()
  }

  private keepLocal(seq: number, key: string, value: Cached, entryTags: string[]): void {
    if (this.subscribed && seq === this.localSeq) this.local.set(key, value, entryTags)
  }

  private dropLocal(): void {
    this.localSeq += 1
    this.local.clear()
  }

  private onInvalidation(text: string): void {
    const message = parseInvalidation(text)
    if (!message) {
      this.logger.warn({ text }, 'ignored a malformed catalog invalidation')
      return
    }
    this.localSeq += 1
    const dropped = message.paths.map(tags.path)
    if (message.productId) dropped.push(tags.product(message.productId))
    if (message.tree) dropped.push(tags.tree)
    this.local.deleteTagged(dropped)
  }
}

/** The query with its keys sorted, so equal queries hash alike. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, canonical(v)]),
  )
}
