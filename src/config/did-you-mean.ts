/**
 * The closest of `candidates` to `word`, for "did you mean" hints on unknown keys and
 * names, or undefined when nothing is close enough to be a plausible typo.
 *
 * Why Damerau-Levenshtein with a length-relative cut-off: typos are mostly one swapped,
 * missing or extra letter (`retries` -> `retry`, `maxAtempts` -> `maxAttempts`); a fixed
 * threshold would suggest unrelated short keys for short words.
 *
 * @example
 * didYouMean('retries', ['retry', 'breaker']); // 'retry'
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = word.length <= 3 ? 1 : Math.max(2, Math.ceil(word.length / 3));
  // A candidate that shares nothing with the word (every letter replaced) is not a typo of it.
  const replacedAll = best !== undefined && bestDistance >= Math.max(word.length, best.length);
  return bestDistance <= limit && !replacedAll ? best : undefined;
}

/** Optimal string alignment distance (insert, delete, substitute, swap adjacent). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [];
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        row.push(i + j);
        continue;
      }
      const prev = rows[i - 1]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      }
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
