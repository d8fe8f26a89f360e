/** Confusion counts and the figures derived from them; spam (label 1) is the positive class. */
export interface BinaryMetrics {
  precision: number
  recall: number
  f1: number
  accuracy: number
  tp: number
  fp: number
  fn: number
  tn: number
}

/** Precision, recall, F1 and accuracy of predictions against labels (1 = spam). */
export function binaryMetrics(pairs: readonly { label: 0 | 1; flagged: boolean }[]): BinaryMetrics {
  let tp = 0
  let fp = 0
  let fn = 0
  let tn = 0
  for (const { label, flagged } of pairs) {
    if (flagged && label === 1) tp += 1
    else if (flagged) fp += 1
    else if (label === 1) fn += 1
    else tn += 1
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  const round = (x: number) => Math.round(x * 10_000) / 10_000
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    accuracy: round((tp + tn) / pairs.length),
    tp,
    fp,
    fn,
    tn,
  }
}
