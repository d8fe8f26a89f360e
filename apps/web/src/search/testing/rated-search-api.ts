// Run with tsx as a child process of a jsdom test: the API cannot load inside jsdom's module
// graph (its `new URL(..., import.meta.url)` paths become page URLs there).
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { startApiServer } from '@emporium/api'
import { createSearchClient, loadSearchDocuments, TypesenseSearchEngine } from '@emporium/infra'
import { createFixtureCatalog, insertFixtureProduct, testConfig } from '@emporium/infra/testing'

/** What the test's page needs to reach the API, and the word its three rated products share. */
export interface RatedSearch {
  apiUrl: string
  word: string
}

const config = testConfig()
const client = createSearchClient(config)
if (!client) throw new Error('TYPESENSE_URL must be set for this test')
const api = await startApiServer({ config, port: 0, rateLimitNamespace: randomUUID() })
// Collections of this run only, so no other run's products show up in these results.
const prefix = `test_${randomUUID().slice(0, 8)}_`
const engine = new TypesenseSearchEngine(client, api.deps.db, { prefix })
api.deps.searchEngine = engine
const catalog = await createFixtureCatalog(api.deps.db)
const word = `kettle${randomUUID().slice(0, 8)}`
const ids = []
for (const [brand, rating] of [
  ['Highly', 4.6],
  ['Middling', 3.4],
  ['Poorly', 2.2],
] as const) {
  ids.push(
    await insertFixtureProduct(api.deps.db, catalog, {
      name: `${brand} rated ${word}`,
      brand,
      category: 'accessories',
      priceMinor: 2_500,
      stock: 5,
      rating,
    }),
  )
}
await engine.index((await loadSearchDocuments(api.deps.db, ids)).docs)
const ready: RatedSearch = { apiUrl: api.url, word }
process.stdout.write(`${JSON.stringify(ready)}\n`)
// Serves until the test closes stdin.
process.stdin.resume()
await once(process.stdin, 'end')
await api.close()
for (const alias of [`${prefix}products`, `${prefix}search_words`]) {
  const { collection_name } = await client.aliases(alias).retrieve()
  await client.aliases(alias).delete()
  await client.collections(collection_name).delete()
}
