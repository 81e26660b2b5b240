import { ReportError } from '../../report/report-error.ts';
import type { ExploreResult } from '../explore-result.ts';

/**
 * Joins the explorations of shards (`--shard i/n`) into one: cells concatenated (an id in
 * two shards is an error: the same shard was passed twice), counts summed, the baseline
 * of the first, wall time the longest.
 */
export function mergeExploreResults(results: ExploreResult[], labels: string[]): ExploreResult | undefined {
  if (results.length === 0) return undefined;
  const seen = new Map<string, string>();
  for (const [i, r] of results.entries()) {
    for (const cell of r.cells) {
      const other = seen.get(cell.id);
      const label = labels[i] ?? `result ${i + 1}`;
      if (other !== undefined)
        throw new ReportError(
          'FAULTLINE_REPORT_INVALID',
          `Failed to merge: explore cell ${cell.id} is in both ${other} and ${label}. Merge each shard once.`,
        );
      seen.set(cell.id, label);
    }
  }
  const first = results[0]!;
  const cells = results.flatMap((r) => r.cells).sort((a, b) => a.id.localeCompare(b.id));
  const sum = (key: keyof ExploreResult['counts']) => results.reduce((n, r) => n + r.counts[key], 0);
  return {
    kind: 'explore',
    command: first.command,
    baseline: first.baseline,
    cells,
    counts: {
      singles: first.counts.singles,
      pairsPlanned: sum('pairsPlanned'),
      pairsPruned: sum('pairsPruned'),
      runs: cells.length,
      tolerated: sum('tolerated'),
      failed: sum('failed'),
      damaged: sum('damaged'),
      notReached: sum('notReached'),
    },
    wallMs: Math.max(...results.map((r) => r.wallMs)),
    parallel: Math.max(...results.map((r) => r.parallel)),
  };
}
