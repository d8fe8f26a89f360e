import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  minHashSignature,
  scoreReview,
  spamProbability,
  trainTextModel,
  type RecentReviewSignature,
  type ReviewContext,
  type TextModel,
} from '@emporium/domain/reviews'
import { printTable, writeResult } from '../lib/results'
import { loadCorpus, type CorpusReview } from './spam/corpus'
import { craftedCases, type CraftedKind } from './spam/crafted'
import { binaryMetrics, type BinaryMetrics } from './spam/metrics'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)

const DEFAULT_DATA = path.resolve(repoRoot, '..', 'shared', 'data', 'review-spam')

function parseArgs(args: string[]): { data: string } {
  let data = DEFAULT_DATA
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--data' && args[i + 1]) data = path.resolve(args[(i += 1)] as string)
    else throw new Error(`Unknown argument ${args[i]}; usage: npm run eval -- spam [--data <dir>]`)
  }
  return { data }
}

// The corpus has text only: every review gets an established account with a purchase, no bursts
// and no rating history, so rule signals can only fire on the text (links, contacts, profanity,
// copies of other corpus reviews).
function corpusContext(
  pool: readonly RecentReviewSignature[],
  textModel?: TextModel,
): ReviewContext {
  const context: ReviewContext = {
    now: NOW,
    accountCreatedAt: NOW - 365 * 86_400_000,
    hasPurchased: true,
    recentReviewTimesByAuthor: [],
    recentReviewTimesForProduct: [],
    recentSignatures: pool,
  }
  return textModel ? { ...context, textModel } : context
}

function corpusReview(r: CorpusReview) {
  return {
    id: r.id,
    productId: r.hotel,
    authorId: `author-${r.id}`,
    rating: r.polarity === 'positive' ? 5 : 1,
    body: r.text,
  }
}

function crossValidate(reviews: CorpusReview[]) {
  const folds = [...new Set(reviews.map((r) => r.fold))].sort()
  if (folds.length < 2)
    throw new Error(
      `Cross-validation needs at least two folds, found ${folds.join(', ') || 'none'}`,
    )
  const pool: RecentReviewSignature[] = reviews.map((r) => ({
    reviewId: r.id,
    authorId: `author-${r.id}`,
    productId: r.hotel,
    signature: minHashSignature(r.text),
  }))
  const rules: { label: 0 | 1; flagged: boolean }[] = []
  const text: { label: 0 | 1; flagged: boolean }[] = []
  const combined: { label: 0 | 1; flagged: boolean }[] = []
  const perFold: Record<string, number> = {}
  for (const fold of folds) {
    const model = trainTextModel(
      reviews.filter((r) => r.fold !== fold).map((r) => ({ text: r.text, label: r.label })),
    )
    const test = reviews.filter((r) => r.fold === fold)
    const foldText: { label: 0 | 1; flagged: boolean }[] = []
    for (const r of test) {
      rules.push({
        label: r.label,
        flagged: scoreReview(corpusReview(r), corpusContext(pool)).decision !== 'publish',
      })
      const t = { label: r.label, flagged: spamProbability(model, r.text) >= 0.5 }
      text.push(t)
      foldText.push(t)
      combined.push({
        label: r.label,
        flagged: scoreReview(corpusReview(r), corpusContext(pool, model)).decision !== 'publish',
      })
    }
    perFold[`text_model_f1_${fold}`] = binaryMetrics(foldText).f1
  }
  return {
    folds,
    rules: binaryMetrics(rules),
    text: binaryMetrics(text),
    combined: binaryMetrics(combined),
    perFold,
  }
}

// The genuine crafted reviews come from the last fold; the text model used beside the rules is
// trained on the other folds, so it never saw them.
function crafted(reviews: CorpusReview[], folds: string[]) {
  const heldOut = folds[folds.length - 1]
  const cases = craftedCases(reviews.filter((r) => r.label === 0 && r.fold === heldOut))
  const model = trainTextModel(
    reviews.filter((r) => r.fold !== heldOut).map((r) => ({ text: r.text, label: r.label })),
  )
  const rulesOutcome = cases.map((c) => ({
    kind: c.kind,
    label: c.label,
    flagged: scoreReview(c.review, c.context).decision !== 'publish',
  }))
  const combinedOutcome = cases.map((c) => ({
    label: c.label,
    flagged: scoreReview(c.review, { ...c.context, textModel: model }).decision !== 'publish',
  }))
  const byKind: Record<string, number> = {}
  for (const kind of [
    'link',
    'contact',
    'duplicate',
    'profanity',
    'burst',
    'genuine',
  ] satisfies CraftedKind[]) {
    const ofKind = rulesOutcome.filter((o) => o.kind === kind)
    const flagged = ofKind.filter((o) => o.flagged).length
    byKind[kind === 'genuine' ? 'crafted_genuine_flagged_rate' : `crafted_${kind}_recall`] =
      Math.round((flagged / ofKind.length) * 10_000) / 10_000
  }
  return {
    count: cases.length,
    spam: cases.filter((c) => c.label === 1).length,
    rules: binaryMetrics(rulesOutcome),
    combined: binaryMetrics(combinedOutcome),
    byKind,
  }
}

function row(method: string, dataset: string, m: BinaryMetrics): Record<string, string | number> {
  return {
    method,
    dataset,
    precision: m.precision,
    recall: m.recall,
    f1: m.f1,
    accuracy: m.accuracy,
    tp: m.tp,
    fp: m.fp,
    fn: m.fn,
    tn: m.tn,
  }
}

/** `npm run eval -- spam [--data <dir>]`: precision/recall of the spam scorer, rules vs learned text model vs both. */
export default async function spam(args: string[]): Promise<void> {
  const { data } = parseArgs(args)
  const started = performance.now()
  const reviews = loadCorpus(data)
  const cv = crossValidate(reviews)
  const craft = crafted(reviews, cv.folds)
  const dataset = `${reviews.length} reviews, ${cv.folds.length}-fold CV`
  const craftedSet = `crafted ${craft.spam} spam + ${craft.count - craft.spam} genuine`
  printTable([
    row('rules', dataset, cv.rules),
    row('text_model', dataset, cv.text),
    row('combined', dataset, cv.combined),
    row('crafted_rules', craftedSet, craft.rules),
    row('crafted_combined', craftedSet, craft.combined),
  ])
  console.log(
    Object.entries(craft.byKind)
      .map(([k, v]) => `${k}=${v}`)
      .join('  '),
  )
  // Another labelled set's figures go to a git-ignored file of their own, never over the corpus's.
  const resultName =
    data === DEFAULT_DATA
      ? 'spam'
      : `spam-${path.basename(data).replace(/[^\w-]+/g, '_') || 'data'}.tmp`
  const file = writeResult(resultName, {
    data_dir: path.relative(repoRoot, data),
    reviews: reviews.length,
    deceptive: reviews.filter((r) => r.label === 1).length,
    folds: cv.folds,
    positive_class: 'deceptive / spam; flagged = decision hold or reject',
    rules: cv.rules,
    text_model: cv.text,
    combined: cv.combined,
    crafted_rules: craft.rules,
    crafted_combined: craft.combined,
    ...craft.byKind,
    ...cv.perFold,
    elapsed_s: Math.round((performance.now() - started) / 100) / 10,
  })
  console.log(`wrote ${path.relative(process.cwd(), file)}`)
  await Promise.resolve()
}
