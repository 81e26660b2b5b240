import type { BenchResult } from '../bench-types.ts';
import { type BenchChild, startBenchChild } from './bench-child.ts';
import { bestOfRounds, type RoundsOptions, type RoundsResult } from './best-of-rounds.ts';
import type { ClosedLoopBounds, LoadFigures } from './closed-loop-load.ts';
import { startClientBenchUpstream } from './start-client-bench-upstream.ts';

/**
 * Starts the client-bench upstream in a child process, then runs `bestOfRounds` over the
 * contenders (indexes into client-variants.ts): each run of each contender is a fresh
 * child process of its own (client-contender.ts) that warms up, runs once and exits.
 * Returns each contender's best and per-round figures by label; the upstream is stopped
 * last (also on failure).
 *
 * Why a fresh process per run: a process settles into one of two garbage-collection
 * regimes for its whole life (measured on this machine: young-generation collections of
 * under 1 ms, or of 5-8 ms that triple the p99), and which one is not ours to choose; a
 * fresh process per round gives every contender a new draw each round.
 */
export async function compareOnClientUpstream(
  variants: ReadonlyArray<{ index: number; label: string }>,
  options: RoundsOptions,
): Promise<RoundsResult> {
  const upstream = await startClientBenchUpstream();
  const running = new Set<BenchChild>();
  try {
    const oneRun = async (index: number, bounds: ClosedLoopBounds): Promise<LoadFigures> => {
      const child = await startBenchChild('client-contender.ts', { args: [String(index), upstream.url] });
      running.add(child);
      try {
        await child.ask(`run ${JSON.stringify({ ...bounds, maxRequests: options.warmupRequests })}`);
        return (await child.ask(`run ${JSON.stringify(bounds)}`)) as LoadFigures;
      } finally {
        await child.stop();
        running.delete(child);
      }
    };
    return await bestOfRounds(
      variants.map((v) => ({ label: v.label, run: (bounds: ClosedLoopBounds) => oneRun(v.index, bounds) })),
      { ...options, warmupRequests: 0 },
    );
  } finally {
    await Promise.all([...running].map((c) => c.stop()));
    await upstream.stop();
  }
}

/**
 * One table row per contender, in `labels` order: req/s, p50/p99 and the ratio to the
 * `baseline` contender's throughput in `ratioColumn` (plus CPU per request when asked).
 */
export function comparisonRows(
  best: Map<string, LoadFigures>,
  labels: string[],
  baseline: string,
  ratioColumn: string,
  withCpu = false,
): BenchResult['rows'] {
  const base = best.get(baseline)!;
  return labels.map((label) => {
    const f = best.get(label)!;
    return {
      label,
      'req/s': Math.round(f.reqPerSec),
      'p50 ms': f.p50Ms,
      'p99 ms': f.p99Ms,
      [ratioColumn]: f.reqPerSec / base.reqPerSec,
      ...(withCpu ? { 'cpu µs/req': f.cpuUsPerReq } : {}),
      errors: f.errors,
    };
  });
}
