// The cache protocol, shared by every API instance (and any writer that invalidates): key layout,
// channel and lifetimes. Bump KEY_VERSION when a cached value's shape changes.
const KEY_VERSION = 'v1'

/** Prefix of every catalog cache key in Redis. */
export const KEY_PREFIX = `catalog:${KEY_VERSION}:`

/** Pub/sub channel on which invalidations are announced to every API instance. */
export const INVALIDATION_CHANNEL = 'catalog:invalidate'

/** Lifetimes in Redis: product pages 1 h, listings and the category tree 6 h. */
export const REDIS_TTL_S = { product: 3600, listing: 6 * 3600, tree: 6 * 3600 } as const

/** Path token of the listing over all categories. */
export const ALL_CATEGORIES = '~'

/** What an invalidation message names; instances drop local entries tagged with any of these. */
export interface InvalidationMessage {
  productId?: string
  paths: string[]
  tree?: boolean
}

/** Local-cache tags. */
export const tags = {
  product: (id: string) => `product:${id}`,
  path: (path: string) => `path:${path}`,
  tree: 'tree',
}

// Keys (relative to KEY_PREFIX):
//   wseq                         bumped by every invalidation; a load only fills the cache if no
//                                invalidation happened while it read the database
//   pgen:<productId>             product generation, part of its page keys
//   product:<id>:<gen>:<currency> product page JSON
//   slug:<slug>                  product id of a slug
//   lgen:<path>                  listing generation of a category path (or `~` for all)
//   list:<path>:<gen>:<hash>     listing page JSON
//   tree                         category tree JSON

/** Reads a product page: id (resolving a slug), generation, JSON ('' when absent) and wseq. */
export const READ_PRODUCT_LUA = `
local p = ARGV[1]
local id = ARGV[2]
local wseq = redis.call('GET', p .. 'wseq') or '0'
if id == '' then id = redis.call('GET', p .. 'slug:' .. ARGV[3]) or '' end
if id == '' then return {'', '0', '', wseq} end
local gen = redis.call('GET', p .. 'pgen:' .. id) or '0'
local json = redis.call('GET', p .. 'product:' .. id .. ':' .. gen .. ':' .. ARGV[4]) or ''
return {id, gen, json, wseq}`

/** Stores a product page and its slug, unless an invalidation happened since `wseq` was read. */
export const WRITE_PRODUCT_LUA = `
local p = ARGV[1]
if (redis.call('GET', p .. 'wseq') or '0') ~= ARGV[2] then return 0 end
local gen = redis.call('GET', p .. 'pgen:' .. ARGV[3]) or '0'
redis.call('SET', p .. 'product:' .. ARGV[3] .. ':' .. gen .. ':' .. ARGV[5], ARGV[6], 'EX', ARGV[7])
redis.call('SET', p .. 'slug:' .. ARGV[4], ARGV[3], 'EX', ARGV[7])
return 1`

/** Reads a listing page: its JSON ('' when absent) and wseq. */
export const READ_LISTING_LUA = `
local p = ARGV[1]
local wseq = redis.call('GET', p .. 'wseq') or '0'
local gen = redis.call('GET', p .. 'lgen:' .. ARGV[2]) or '0'
return {redis.call('GET', p .. 'list:' .. ARGV[2] .. ':' .. gen .. ':' .. ARGV[3]) or '', wseq}`

/** Stores a listing page (or, with an empty path, the tree under ARGV[3]) unless wseq moved. */
export const WRITE_LISTING_LUA = `
local p = ARGV[1]
if (redis.call('GET', p .. 'wseq') or '0') ~= ARGV[4] then return 0 end
local gen = redis.call('GET', p .. 'lgen:' .. ARGV[2]) or '0'
redis.call('SET', p .. 'list:' .. ARGV[2] .. ':' .. gen .. ':' .. ARGV[3], ARGV[5], 'EX', ARGV[6])
return 1`

/** Stores the category tree unless wseq moved. */
export const WRITE_TREE_LUA = `
local p = ARGV[1]
if (redis.call('GET', p .. 'wseq') or '0') ~= ARGV[2] then return 0 end
redis.call('SET', p .. 'tree', ARGV[3], 'EX', ARGV[4])
return 1`
