import type { ClosedLoopBounds, LoadFigures } from './closed-loop-load.ts';

/** One contender of a comparison: a label, and a closed-loop run of its call. */
export interface Contender {
  label: string;
  run(bounds: ClosedLoopBounds): Promise<LoadFigures>;
}

export interface RoundsOptions extends ClosedLoopBounds {
  /** Calls per contender before measuring (bounded by `maxMs` too); 0: none. */
  warmupRequests: number;
  /** Measured rounds per contender. */
  rounds: number;
}

/**
 * Warms every contender up, then runs `rounds` interleaved rounds and keeps each
 * contender's round with the most req/s. Why interleaved and best-of: on a shared machine a
 * neighbour's burst slows whichever run it lands on; interleaving spreads it over the
 * contenders and the best round is the least disturbed one.
 *
 * Each round starts one contender later (a b c, b c a, c a b, ...), so that no contender
 * always runs right after the same neighbour. (A forced full GC before each run was tried
 * and dropped: it shrinks the young generation, and every contender then ran 20-40 %
 * slower while it grew back.)
 */
export async function bestOfRounds(
  contenders: readonly Contender[],
  options: RoundsOptions,
): Promise<RoundsResult> {
  const best = new Map<string, LoadFigures>();
  const rounds = new Map<string, LoadFigures[]>(contenders.map((c) => [c.label, []]));
  if (options.warmupRequests > 0) {
    for (const { run } of contenders) await run({ ...options, maxRequests: options.warmupRequests });
  }
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const { label, run } = contenders[(round + i) % contenders.length]!;
      const figures = await run(options);
      rounds.get(label)!.push(figures);
      const previous = best.get(label);
      if (previous === undefined || figures.reqPerSec > previous.reqPerSec) best.set(label, figures);
    }
  }
  return { best, rounds };
}

/** Each contender's best round, and every round in order (round r of each is index r). */
export interface RoundsResult {
  best: Map<string, LoadFigures>;
  rounds: Map<string, LoadFigures[]>;
}
