import { randomUUID } from 'node:crypto'
import { createTestDb } from '@emporium/db/testing'
import { createSearchClient } from '../search'
import { testConfig } from '../testing'
import { searchEngineContract } from './contract.test-suite'
import { TypesenseSearchEngine } from './typesense-engine'

searchEngineContract('Typesense', async () => {
  const client = createSearchClient(testConfig())
  if (!client) throw new Error('TYPESENSE_URL must be set for this test')
  const db = await createTestDb()
  // Aliases and collections of this run only.
  const prefix = `test_${randomUUID().slice(0, 8)}_`
  const engine = new TypesenseSearchEngine(client, db, { prefix })
  await engine.ensureReady()
  return {
    db,
    engine,
    cleanup: async () => {
      for (const alias of [`${prefix}products`, `${prefix}search_words`]) {
        const { collection_name } = await client.aliases(alias).retrieve()
        await client.aliases(alias).delete()
        await client.collections(collection_name).delete()
      }
      await db.destroy()
    },
  }
})
