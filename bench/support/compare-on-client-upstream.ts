import type { BenchResult } from '../bench-types.ts';
import { bestOfRounds, type Contender, type RoundsOptions } from './best-of-rounds.ts';
import type { LoadFigures } from './closed-loop-load.ts';
import { startClientBenchUpstream } from './start-client-bench-upstream.ts';

/** A contender that owns resources (a pool, a client) to close after the rounds. */
export interface ClosableContender extends Contender {
  close(): Promise<void>;
}

/**
 * Starts the client-bench upstream in a child process, sets the contenders up against its
 * url, runs `bestOfRounds` and closes everything, the upstream last (also on failure).
 * Returns each contender's best figures by label.
 */
export async function compareOnClientUpstream(
  setup: (url: string) => ClosableContender[],
  options: RoundsOptions,
): Promise<Map<string, LoadFigures>> {
  const upstream = await startClientBenchUpstream();
  try {
    const contenders = setup(upstream.url);
    const best = await bestOfRounds(contenders, options);
    await Promise.all(contenders.map((c) => c.close()));
    return best;
  } finally {
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
