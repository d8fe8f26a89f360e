/**
 * A plain Okapi BM25 baseline (k1 1.2, b 0.75) over one text per document, in memory: lower-cased
 * alphanumeric tokens, no stemming, no typo tolerance, no field weights; a document matches when it
 * holds any query word (OR), ranked by score then by its position in the catalog.
 */
export class Bm25Index {
  private readonly postings = new Map<string, Map<number, number>>()
  private readonly lengths: number[] = []
  private readonly ids: string[] = []
  private totalLength = 0

  constructor(
    private readonly k1 = 1.2,
    private readonly b = 0.75,
  ) {}

  static tokens(text: string): string[] {
    return text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((t) => t.length > 0)
  }

  add(id: string, text: string): void {
    const doc = this.ids.length
    const tokens = Bm25Index.tokens(text)
    this.ids.push(id)
    this.lengths.push(tokens.length)
    this.totalLength += tokens.length
    for (const t of tokens) {
      const list = this.postings.get(t) ?? new Map<number, number>()
      list.set(doc, (list.get(doc) ?? 0) + 1)
      this.postings.set(t, list)
    }
  }

  /** Ids of the top `limit` documents for the query. */
  search(query: string, limit: number): string[] {
    const n = this.ids.length
    const avg = this.totalLength / Math.max(1, n)
    const scores = new Map<number, number>()
    for (const term of new Set(Bm25Index.tokens(query))) {
      const list = this.postings.get(term)
      if (!list) continue
      const idf = Math.log(1 + (n - list.size + 0.5) / (list.size + 0.5))
      for (const [doc, tf] of list) {
        const norm = tf + this.k1 * (1 - this.b + (this.b * (this.lengths[doc] ?? 0)) / avg)
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (this.k1 + 1)) / norm)
      }
    }
    return [...scores]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, limit)
      .map(([doc]) => this.ids[doc] ?? '')
  }
}
