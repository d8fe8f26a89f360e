import type { Db } from '@emporium/db'
import type { TypesenseClient } from '../search'
import { affinityBoost, byCount, cumulativeRatings, sortPriceBands } from './ranking-rules'
import { allSearchDocuments } from './search-documents'
import { dictionaryDocuments, suggestQuery } from './typesense-spelling'
import {
  currencyField,
  filterBy,
  productCollectionSchema,
  QUERY_BY,
  QUERY_BY_WEIGHTS,
  sortBy,
  toTypesenseDocument,
  wordCollectionSchema,
} from './typesense-schema'
import type {
  AutocompleteResult,
  FacetCount,
  ReindexProgress,
  SearchDocument,
  SearchEngine,
  SearchHit,
  SearchQuery,
  SearchResult,
} from './types'

/** Personalized relevance re-ranks this many top matches (Typesense 0.24 has no `_eval` sort). */
const RERANK_WINDOW = 250

interface TsDoc {
  id: string
  name: string
  slug: string
  brand?: string
  category_path?: string
  category_paths: string[]
  rating_avg: number
  rating_count: number
  popularity: number
  in_stock: boolean
  [price: `price_minor_${string}`]: number
}

const isNotFound = (error: unknown) => (error as { httpStatus?: number }).httpStatus === 404
const textsOf = (d: SearchDocument) => [d.name, d.brand ?? '', ...d.categoryNames]

/**
 * Search on Typesense: one collection per reindex generation behind the alias `<prefix>products`
 * (and `<prefix>search_words` for spelling), typo tolerance by `num_typos`, weighted `query_by`,
 * facets by `facet_by`. A reindex fills new collections and flips the aliases, which is atomic.
 */
export class TypesenseSearchEngine implements SearchEngine {
  readonly kind = 'typesense' as const
  private readonly products: string
  private readonly words: string

  constructor(
    private readonly client: TypesenseClient,
    private readonly db: Db,
    options: { prefix?: string } = {},
  ) {
    this.products = `${options.prefix ?? ''}products`
    this.words = `${options.prefix ?? ''}search_words`
  }

  private readyOnce: Promise<void> | undefined
  /** Whether the live collection has `rating_bayesian` (one made before it had not). */
  private bayesianSort = true

  /** Creates the index on first use, so a fresh install serves (empty) results before any reindex. */
  private whenReady(): Promise<void> {
    this.readyOnce ??= this.ensureReady().catch((error: unknown) => {
      this.readyOnce = undefined
      throw error
    })
    return this.readyOnce
  }

  async ensureReady(): Promise<void> {
    for (const [alias, schema] of [
      [this.products, productCollectionSchema],
      [this.words, wordCollectionSchema],
    ] as const) {
      try {
        const live = await this.client.aliases(alias).retrieve()
        if (alias === this.products) {
          const { fields } = await this.client.collections(live.collection_name).retrieve()
          this.bayesianSort = fields.some((f) => f.name === 'rating_bayesian')
        }
      } catch (error) {
        if (!isNotFound(error)) throw error
        const name = `${alias}_${Date.now()}`
        await this.client.collections().create(schema(name))
        await this.client.aliases().upsert(alias, { collection_name: name })
      }
    }
  }

  async index(docs: readonly SearchDocument[]): Promise<void> {
    await this.whenReady()
    await this.importInto(this.products, this.words, docs)
  }

  private async importInto(products: string, words: string, docs: readonly SearchDocument[]) {
    if (docs.length === 0) return
    await this.client
      .collections(products)
      .documents()
      .import(docs.map(toTypesenseDocument), { action: 'upsert' })
    await this.client
      .collections(words)
      .documents()
      .import(dictionaryDocuments(docs.flatMap(textsOf)), { action: 'upsert' })
  }

  async remove(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      try {
        await this.client.collections(this.products).documents(id).delete()
      } catch (error) {
        if (!isNotFound(error)) throw error
      }
    }
  }

  async reindex(onProgress?: (p: ReindexProgress) => void): Promise<{ indexed: number }> {
    await this.ensureReady()
    const stamp = Date.now()
    const next = { products: `${this.products}_${stamp}`, words: `${this.words}_${stamp}` }
    await this.client.collections().create(productCollectionSchema(next.products))
    await this.client.collections().create(wordCollectionSchema(next.words))
    let indexed = 0
    let done = 0
    for await (const page of allSearchDocuments(this.db)) {
      await this.importInto(next.products, next.words, page.docs)
      indexed += page.docs.length
      done += page.scanned
      onProgress?.({ done, total: page.total })
    }
    for (const [alias, name] of [
      [this.products, next.products],
      [this.words, next.words],
    ] as const) {
      const old = await this.client.aliases(alias).retrieve()
      await this.client.aliases().upsert(alias, { collection_name: name })
      await this.client.collections(old.collection_name).delete()
    }
    this.bayesianSort = true
    return { indexed }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await this.whenReady()
    const cur = currencyField(query.currency)
    const rerank =
      query.personalization !== undefined &&
      query.sort === 'relevance' &&
      query.page * query.perPage <= RERANK_WINDOW
    const result = await this.client
      .collections<TsDoc>(this.products)
      .documents()
      .search({
        q: query.q.trim() === '' ? '*' : query.q,
        query_by: QUERY_BY,
        query_by_weights: QUERY_BY_WEIGHTS,
        num_typos: 2,
        // Every word must match (as in the Postgres engine); "did you mean" handles the misses.
        drop_tokens_threshold: 0,
        // Nothing is highlighted: no caller shows highlights, and they were computed over the
        // descriptions of every hit. Tried for latency on the 100,000-product scale catalog and
        // dropped for relevance (npm run eval -- search): prefix: false (p99 of the mix 224 -> 131
        // ms with max_candidates 2, but "phone" no longer finds "Cell Phones": known-item MRR@10
        // 0.650 -> 0.641) and max_candidates: 2 alone (MRR@10 0.640). Facet counting over every
        // match is the largest cost of a broad query; Typesense 0.24 cannot sample facets.
        highlight_fields: 'none',
        filter_by: filterBy(query),
        sort_by: sortBy(query.sort, query.currency, this.bayesianSort),
        facet_by: `brand,category_paths,price_band_${cur},rating_floor,in_stock,seller_id`,
        max_facet_values: 100,
        // Only the fields a hit shows: descriptions are the bulk of a document and were serialised
        // and parsed for every hit (250 of them when personalized re-ranking widens the page).
        include_fields: `id,name,slug,brand,category_path,category_paths,rating_avg,rating_count,popularity,in_stock,price_minor_${cur}`,
        page: rerank ? 1 : query.page,
        per_page: rerank ? RERANK_WINDOW : query.perPage,
      })
    const maxMatch = Math.max(1, ...(result.hits ?? []).map((h) => Number(h.text_match ?? 0)))
    let hits: SearchHit[] = (result.hits ?? []).map((h) => {
      const d = h.document
      const relevance = Number(h.text_match ?? 0) / maxMatch
      return {
        productId: d.id,
        name: d.name,
        slug: d.slug,
        brand: d.brand ?? null,
        categoryPath: d.category_path ?? null,
        priceMinor: d[`price_minor_${cur}`] ?? 0,
        currency: query.currency,
        ratingAvg: d.rating_count > 0 ? d.rating_avg : null,
        inStock: d.in_stock,
        score:
          relevance +
          affinityBoost(query.personalization, {
            brand: d.brand ?? null,
            categoryPaths: d.category_paths,
          }),
      }
    })
    if (rerank) {
      const popularity = new Map(result.hits?.map((h) => [h.document.id, h.document.popularity]))
      hits = hits
        .map((h, i) => ({ h, i }))
        .sort(
          (a, b) =>
            Number(b.h.inStock) - Number(a.h.inStock) ||
            b.h.score - a.h.score ||
            (popularity.get(b.h.productId) ?? 0) - (popularity.get(a.h.productId) ?? 0) ||
            a.i - b.i,
        )
        .map((x) => x.h)
        .slice((query.page - 1) * query.perPage, query.page * query.perPage)
    }
    const facet = (field: string): FacetCount[] =>
      result.facet_counts
        ?.find((f) => f.field_name === field)
        ?.counts.map((c) => ({ value: c.value, count: c.count })) ?? []
    const total = result.found
    return {
      hits,
      total,
      facets: {
        brand: byCount(facet('brand')).slice(0, 50),
        category: byCount(facet('category_paths')),
        price_range: sortPriceBands(facet(`price_band_${cur}`)),
        rating: cumulativeRatings(
          new Map(facet('rating_floor').map((r) => [Number(r.value), r.count])),
        ),
        in_stock: byCount(facet('in_stock')),
        seller: byCount(facet('seller_id')).slice(0, 50),
      },
      didYouMean:
        total < 3 && query.q.trim() !== ''
          ? await suggestQuery(this.client, this.words, query.q)
          : undefined,
    }
  }

  async autocomplete(prefix: string, limit: number): Promise<AutocompleteResult> {
    await this.whenReady()
    if (prefix.trim() === '') return { products: [], categories: [] }
    const result = await this.client.collections<TsDoc>(this.products).documents().search({
      q: prefix,
      query_by: 'name_text,brand_text,category',
      query_by_weights: '3,2,1',
      prefix: true,
      num_typos: 0,
      sort_by: '_text_match:desc,popularity:desc',
      facet_by: 'category_leaf',
      max_facet_values: limit,
      per_page: limit,
      include_fields: 'id,name,slug',
    })
    const leaves =
      result.facet_counts?.find((f) => String(f.field_name) === 'category_leaf')?.counts ?? []
    return {
      products: (result.hits ?? []).map((h) => ({
        productId: h.document.id,
        name: h.document.name,
        slug: h.document.slug,
      })),
      categories: byCount(leaves.map((c) => ({ value: c.value, count: c.count }))).map((c) => {
        const at = c.value.indexOf('|')
        return { path: c.value.slice(0, at), name: c.value.slice(at + 1), count: c.count }
      }),
    }
  }
}
