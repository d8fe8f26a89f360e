import {
  catalogCoverage,
  forUser,
  ndcgAtK,
  precisionAtK,
  recallAtK,
} from '@emporium/domain/recommendations'
import type {
  Algorithm,
  ForUserOptions,
  Interaction,
  Recommender,
} from '@emporium/domain/recommendations'

/** Which test purchases count as hits: everything, or only items the user never bought in train. */
export type Target = 'new_items' | 'all_items'

/** Mean metrics of one algorithm over the evaluated users. */
export interface Scores {
  precision_at_k: number
  recall_at_k: number
  ndcg_at_k: number
  coverage: number
  users: number
}

/** One user to evaluate: their train history and what they bought in the test period. */
export interface EvalUser {
  userId: string
  history: Interaction[]
  tested: Set<string>
}

/** Users with a train history and at least one test purchase, in id order. */
export function evalUsers(train: readonly Interaction[], test: readonly Interaction[]): EvalUser[] {
  const history = groupBy(train)
  const tested = groupBy(test)
  return [...tested.keys()]
    .filter((userId) => history.has(userId))
    .sort()
    .map((userId) => ({
      userId,
      history: history.get(userId) ?? [],
      tested: new Set((tested.get(userId) ?? []).map((i) => i.itemId)),
    }))
}

/**
 * Scores one algorithm at `k`. For `new_items` the relevant set drops items bought in train and the
 * recommender filters them (as production does); for `all_items` repurchases count and nothing is filtered.
 */
export function evaluate(
  model: Recommender,
  users: readonly EvalUser[],
  algorithm: Algorithm,
  target: Target,
  k: number,
  options: Omit<ForUserOptions, 'k' | 'algorithm' | 'excludeBought'> = {},
): Scores {
  let precision = 0
  let recall = 0
  let ndcg = 0
  let counted = 0
  const lists: string[][] = []
  for (const user of users) {
    const bought = new Set(user.history.map((i) => i.itemId))
    const relevant =
      target === 'all_items'
        ? user.tested
        : new Set([...user.tested].filter((itemId) => !bought.has(itemId)))
    if (relevant.size === 0) continue
    const recs = forUser(model, user.history, {
      ...options,
      k,
      algorithm,
      excludeBought: target === 'new_items',
    })
    const ids = recs.map((r) => r.itemId)
    lists.push(ids)
    precision += precisionAtK(ids, relevant, k)
    recall += recallAtK(ids, relevant, k)
    ndcg += ndcgAtK(ids, relevant, k)
    counted += 1
  }
  const mean = (sum: number) => (counted === 0 ? 0 : sum / counted)
  return {
    precision_at_k: mean(precision),
    recall_at_k: mean(recall),
    ndcg_at_k: mean(ndcg),
    coverage: catalogCoverage(lists, model.items.size),
    users: counted,
  }
}

function groupBy(interactions: readonly Interaction[]): Map<string, Interaction[]> {
  const out = new Map<string, Interaction[]>()
  for (const interaction of interactions) {
    const list = out.get(interaction.userId)
    if (list) list.push(interaction)
    else out.set(interaction.userId, [interaction])
  }
  return out
}
