import { sql } from 'kysely'
import type { Db } from '@emporium/db'
import {
  editDistance,
  queryWords,
  SUGGESTION_MIN_SIMILARITY,
  trigramSimilarity,
  typoBudget,
} from './ranking-rules'

/** How each query word is matched: itself (as a prefix) plus dictionary words within its typo budget. */
export interface SpelledQuery {
  words: { word: string; alternatives: string[]; suggestion?: string }[]
  /** The query with unknown words replaced by their closest dictionary word, when any was replaced. */
  suggestion?: string
}

/** Looks each word of `q` up in the dictionary `<table>_words` (pg_trgm similarity). */
export async function spellQuery(db: Db, table: string, q: string): Promise<SpelledQuery> {
  const words = queryWords(q)
  if (words.length === 0) return { words: [] }
  const dict = sql.id(`${table}_words`)
  const { rows } = await sql<{ w: string; known: boolean; candidates: string[] }>`
    select q.w,
      k.known,
      -- A known word is taken as typed: only unknown ones pay for the similarity scan.
      case when k.known then array[]::text[] else array(select d.word from ${dict} d
        where similarity(d.word, q.w) >= 0.2
        order by similarity(d.word, q.w) desc, d.word limit 8) end as candidates
    from unnest(${sql.val(words)}::text[]) as q(w),
      lateral (select exists (select 1 from ${dict} d where d.word like q.w || '%') as known) k`.execute(
    db,
  )
  const byWord = new Map(rows.map((r) => [r.w, r]))
  const spelled = words.map((word) => {
    const row = byWord.get(word)
    // Numbers and words some product contains are taken as typed.
    if (!row || row.known || /^\d+$/.test(word)) return { word, alternatives: [] }
    const alternatives = row.candidates.filter(
      (c) => editDistance(word, c) <= typoBudget(word.length),
    )
    const best = row.candidates
      .map((c) => ({ c, s: trigramSimilarity(word, c) }))
      .filter((x) => x.s >= SUGGESTION_MIN_SIMILARITY)
      .sort((a, b) => b.s - a.s)[0]
    return { word, alternatives, suggestion: best?.c }
  })
  const replaced = spelled.some((w) => w.suggestion !== undefined)
  return {
    words: spelled,
    suggestion: replaced ? spelled.map((w) => w.suggestion ?? w.word).join(' ') : undefined,
  }
}

/** The `to_tsquery` text of a spelled query: every word (or one of its alternatives) as a prefix. */
export function tsQueryText(spelled: SpelledQuery): string {
  return spelled.words
    .map((w) => `(${[w.word, ...w.alternatives].map((x) => `${x}:*`).join(' | ')})`)
    .join(' & ')
}
