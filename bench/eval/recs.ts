import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ALGORITHMS, timeSplit } from '@emporium/domain/recommendations'
import type { Algorithm, Recommender } from '@emporium/domain/recommendations'
import { printTable, writeResult } from '../lib/results'
import { evalUsers, evaluate } from './recs/evaluate'
import type { Scores, Target } from './recs/evaluate'
import { GROCERIES_FILE, parseGroceriesCsv } from './recs/groceries-csv'
import { groceryItemMeta } from './recs/grocery-categories'
import { trainWith, tune } from './recs/tune'

// Offline evaluation of the recommenders on the real grocery purchase log.
// Split: the last `--test-months` calendar months of the file (default 2) are the test period; the
// recommender is trained on everything before. Hybrid knobs are tuned on a validation split carved from
// train alone (its own last `--test-months` months), never on the test period.
// Users: members with purchases both in train and in the test period (newcomers cannot be scored
// per user). Two targets, because a grocery log is mostly repurchases:
//   new_items — hits are test purchases of items the member never bought in train, and the recommender
//               filters already-bought items, as production does (the headline numbers);
//   all_items — every test purchase counts and nothing is filtered.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const DEFAULT_DATA_DIR = path.resolve(repoRoot, '..', 'shared', 'data', 'groceries')

interface Args {
  dataDir: string
  testMonths: number
  k: number
}

function parseArgs(args: string[]): Args {
  const out: Args = { dataDir: DEFAULT_DATA_DIR, testMonths: 2, k: 10 }
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i]
    const value = args[i + 1]
    if (value === undefined) throw new Error(`${flag} needs a value`)
    if (flag === '--data') out.dataDir = path.resolve(value)
    else if (flag === '--test-months') out.testMonths = positiveInt(flag, value)
    else if (flag === '--k') out.k = positiveInt(flag, value)
    else throw new Error(`Unknown option ${flag}; use --data <dir>, --test-months <n>, --k <n>`)
    i += 1
  }
  return out
}

function positiveInt(flag: string, value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${flag} must be a positive integer, got ${value}`)
  return n
}

/** UTC midnight of the first day of the month `months` before the month holding `ms`. */
function monthStart(ms: number, monthsBack: number): number {
  const date = new Date(ms)
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, 1)
}

/** A row of the report: each servable algorithm plus the recency-decayed popularity prior alone. */
type Row = Algorithm | 'popularity_recent'

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** `npm run eval -- recs [--data <dir>] [--test-months <n>] [--k <n>]` */
export default function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv)
  const { k } = args
  const interactions = parseGroceriesCsv(
    readFileSync(path.join(args.dataDir, GROCERIES_FILE), 'utf8'),
  )
  const items = groceryItemMeta(interactions.map((i) => i.itemId))
  const lastMs = Math.max(...interactions.map((i) => Number(i.at)))
  const cutoff = monthStart(lastMs, args.testMonths - 1)
  const validationCutoff = monthStart(cutoff, args.testMonths)
  const split = timeSplit(interactions, cutoff)
  if (split.train.length === 0 || split.test.length === 0)
    throw new Error('The time split left train or test empty')

  const tuned = tune(split.train, items, validationCutoff, k)
  const config = tuned.best.config
  const model = trainWith(split.train, items, config, cutoff)
  // The baseline is plain all-time popularity; `popularity_recent` is the hybrid's decayed prior served
  // alone, so the table shows how much of the hybrid's lift is recency and how much is personal.
  const plain = trainWith(
    split.train,
    items,
    { ...config, popularityHalfLifeDays: undefined },
    cutoff,
  )
  const users = evalUsers(split.train, split.test)
  const options = { weights: config.weights, halfLifeDays: config.halfLifeDays }
  const runs: [Row, Recommender, Algorithm][] = [
    ['popularity', plain, 'popularity'],
    ['popularity_recent', model, 'popularity'],
    ...ALGORITHMS.filter((a) => a !== 'popularity').map((a): [Row, Recommender, Algorithm] => [
      a,
      model,
      a,
    ]),
  ]
  const results = {} as Record<Target, Record<Row, Scores>>
  for (const target of ['new_items', 'all_items'] as const) {
    results[target] = {} as Record<Row, Scores>
    for (const [row, trained, algorithm] of runs)
      results[target][row] = evaluate(trained, users, algorithm, target, k, options)
  }

  printTable(
    (['new_items', 'all_items'] as const).flatMap((target) =>
      runs.map(([row]) => {
        const s = results[target][row]
        return {
          algorithm: row,
          target,
          [`precision_at_${k}`]: s.precision_at_k,
          [`recall_at_${k}`]: s.recall_at_k,
          [`ndcg_at_${k}`]: s.ndcg_at_k,
          coverage: s.coverage,
          users: s.users,
        }
      }),
    ),
  )

  const ratio = (target: Target, base: Row = 'popularity') =>
    results[target].hybrid.ndcg_at_k / results[target][base].ndcg_at_k
  const figures: Record<string, unknown> = {}
  for (const [row] of runs) {
    const group: Record<string, number> = {}
    for (const target of ['new_items', 'all_items'] as const) {
      const s = results[target][row]
      const prefix = target === 'new_items' ? '' : 'all_items_'
      Object.assign(group, {
        [`${prefix}precision_at_${k}`]: s.precision_at_k,
        [`${prefix}recall_at_${k}`]: s.recall_at_k,
        [`${prefix}ndcg_at_${k}`]: s.ndcg_at_k,
        [`${prefix}coverage`]: s.coverage,
        [`${prefix}users`]: s.users,
      })
    }
    figures[row] = group
  }
  Object.assign(figures, {
    hybrid_vs_popularity_ndcg_ratio: ratio('new_items'),
    hybrid_vs_popularity_ndcg_ratio_all_items: ratio('all_items'),
    hybrid_vs_popularity_recent_ndcg_ratio: ratio('new_items', 'popularity_recent'),
    data_file: `${path.basename(args.dataDir)}/${GROCERIES_FILE}`,
    rows: interactions.length,
    baskets: new Set(interactions.map((i) => i.basketId)).size,
    catalog_items: items.length,
    train_until_exclusive: day(cutoff),
    test_from: day(cutoff),
    test_until_inclusive: day(lastMs),
    validation_from: day(validationCutoff),
    tuning_trials: tuned.trials,
    validation_hybrid_ndcg_at_k: tuned.best.ndcg,
    validation_popularity_ndcg_at_k: tuned.popularityNdcg,
    validation_popularity_recent_ndcg_at_k: tuned.recentPopularityNdcg,
    tuned_basket_unit: config.basketUnit,
    tuned_similarity: config.similarity,
    tuned_alpha: config.alpha,
    tuned_history_half_life_days: config.halfLifeDays ?? null,
    tuned_popularity_half_life_days: config.popularityHalfLifeDays ?? null,
    tuned_weight_cf: config.weights.cf,
    tuned_weight_content: config.weights.content,
    tuned_weight_popularity: config.weights.popularity,
  })
  const file = writeResult('recs', figures)
  const lift = (ratio('new_items') - 1) * 100
  console.log(
    `\nhybrid vs popularity, NDCG@${k} on new items: ×${ratio('new_items').toFixed(3)} (${lift >= 0 ? '+' : ''}${lift.toFixed(1)}%); ` +
      `all items: ×${ratio('all_items').toFixed(3)}`,
  )
  const recentLift = (ratio('new_items', 'popularity_recent') - 1) * 100
  console.log(
    `hybrid vs popularity_recent, NDCG@${k} on new items: ${recentLift >= 0 ? '+' : ''}${recentLift.toFixed(1)}%`,
  )
  console.log(
    `train < ${day(cutoff)} ≤ test ≤ ${day(lastMs)}; tuned on validation from ${day(validationCutoff)}: ${JSON.stringify(config)}`,
  )
  console.log(`wrote ${path.relative(repoRoot, file)}`)
  return Promise.resolve()
}
