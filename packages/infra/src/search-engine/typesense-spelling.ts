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
  let replaced = false
  const out: string[] = []
  for (const word of words) {
    const docs = client.collections(wordsCollection).documents()
    const known = await docs.search({ q: word, query_by: 'word', num_typos: 0, per_page: 1 })
    const grams = innerTrigrams(word)
    if (known.found > 0 || /^\d+$/.test(word) || grams.length === 0) {
      out.push(word)
      continue
    }
    const candidates = await docs.search({
      q: grams.join(' '),
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
    if (best) replaced = true
    out.push(best?.c ?? word)
  }
  return replaced ? out.join(' ') : undefined
}
