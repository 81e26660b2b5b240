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
