import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/** One review from a deceptive-opinion style corpus. */
export interface CorpusReview {
  readonly id: string
  readonly text: string
  /** 1 = deceptive (spam), 0 = truthful. */
  readonly label: 0 | 1
  readonly polarity: 'positive' | 'negative'
  readonly fold: string
  readonly hotel: string
}

function subdirectories(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory())
    .sort()
}

/**
 * Reads `<root>/<polarity>_polarity/<deceptive|truthful>_from_<source>/fold<k>/*.txt`, the layout of
 * the Ott et al. corpus. `root` may be the corpus folder or its parent holding `op_spam_v1.4/`.
 */
export function loadCorpus(root: string): CorpusReview[] {
  const base = subdirectories(root).some((d) => d.endsWith('_polarity'))
    ? root
    : path.join(root, 'op_spam_v1.4')
  const reviews: CorpusReview[] = []
  for (const polarityDir of subdirectories(base).filter((d) => d.endsWith('_polarity'))) {
    const polarity = polarityDir.startsWith('positive') ? 'positive' : 'negative'
    for (const classDir of subdirectories(path.join(base, polarityDir))) {
      const label = classDir.startsWith('deceptive')
        ? 1
        : classDir.startsWith('truthful')
          ? 0
          : undefined
      if (label === undefined) continue
      for (const fold of subdirectories(path.join(base, polarityDir, classDir)).filter((d) =>
        d.startsWith('fold'),
      )) {
        const dir = path.join(base, polarityDir, classDir, fold)
        for (const file of readdirSync(dir)
          .filter((f) => f.endsWith('.txt'))
          .sort()) {
          reviews.push({
            id: `${polarity}/${file}`,
            text: readFileSync(path.join(dir, file), 'utf8').trim(),
            label,
            polarity,
            fold,
            hotel: file.split('_')[1] ?? 'unknown',
          })
        }
      }
    }
  }
  if (reviews.length === 0)
    throw new Error(
      `No reviews found under ${base} (expected <polarity>_polarity/<class>/fold*/*.txt)`,
    )
  return reviews
}
