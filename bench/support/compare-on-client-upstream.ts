import type { BenchResult } from '../bench-types.ts';
import { type BenchChild, startBenchChild } from './bench-child.ts';
import { bestOfRounds, type RoundsOptions } from './best-of-rounds.ts';
import type { ClosedLoopBounds, LoadFigures } from './closed-loop-load.ts';
import { startClientBenchUpstream } from './start-client-bench-upstream.ts';

/**
 * Starts the client-bench upstream in a child process and each contender (an index into
 * client-variants.ts) in a child process of its own (client-contender.ts), runs
 * `bestOfRounds` over them and stops everything, the upstream last (also on failure).
 * Returns each contender's best figures by label.
 */
export async function compareOnClientUpstream(
  variants: ReadonlyArray<{ index: number; label: string }>,
  options: RoundsOptions,
): Promise<Map<string, LoadFigures>> {
  const upstream = await startClientBenchUpstream();
  const children: BenchChild[] = [];
  try {
    for (const v of variants) {
      children.push(await startBenchChild('client-contender.ts', { args: [String(v.index), upstream.url] }));
    }
    return await bestOfRounds(
      variants.map((v, i) => ({
        label: v.label,
        run: (bounds: ClosedLoopBounds) =>
          children[i]!.ask(`run ${JSON.stringify(bounds)}`) as Promise<LoadFigures>,
      })),
      options,
    );
  } finally {
    await Promise.all(children.map((c) => c.stop()));
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
