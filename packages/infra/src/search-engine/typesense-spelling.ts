import type { TypesenseClient } from '../search'
import { innerTrigrams } from './typesense-schema'
import { queryWords, SUGGESTION_MIN_SIMILARITY, trigramSimilarity } from './ranking-rules'

/** Dictionary documents for the words of product names, brands and categories. */
export function dictionaryDocuments(
  texts: readonly string[],
): { id: string; word: string; grams: string[] }[] {
  const words = new Set(
    texts.flatMap((t) => queryWords(t)).filter((w) => w.length >= 3 && !/^\d+$/.test(w)),
  )
  return [...words].map((word) => ({ id: word, word, grams: innerTrigrams(word) }))
}

/**
 * "Did you mean": each word no product word starts with is replaced by the dictionary word sharing
 * the most trigrams (candidates found by searching the word's trigrams, ranked by similarity).
 */
export async function suggestQuery(
  client: TypesenseClient,
  wordsCollection: string,
  q: string,
): Promise<string | undefined> {
  const words = queryWords(q)
  const docs = client.collections(wordsCollection).documents()
  // One round of lookups for every word at once, then one for the unknown words' candidates: a
  // zero-hit query of five words waited for up to ten requests in a row.
  const known = await Promise.all(
    words.map(async (word) => {
      if (/^\d+$/.test(word) || innerTrigrams(word).length === 0) return true
      const r = await docs.search({ q: word, query_by: 'word', num_typos: 0, per_page: 1 })
      return r.found > 0
    }),
  )
  const out = await Promise.all(
    words.map(async (word, i) => {
      if (known[i]) return { word, replaced: false }
      const candidates = await docs.search({
        q: innerTrigrams(word).join(' '),
        query_by: 'grams',
        num_typos: 0,
        prefix: false,
        drop_tokens_threshold: 20,
        per_page: 20,
      })
      const best = (candidates.hits ?? [])
        .map((h) => (h.document as { word: string }).word)
        .map((c) => ({ c, s: trigramSimilarity(word, c) }))
        .filter((x) => x.s >= SUGGESTION_MIN_SIMILARITY)
        .sort((a, b) => b.s - a.s)[0]
      return { word: best?.c ?? word, replaced: best !== undefined }
    }),
  )
  const replaced = out.some((w) => w.replaced)
  return replaced ? out.map((w) => w.word).join(' ') : undefined
}
