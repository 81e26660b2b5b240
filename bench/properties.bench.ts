import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { breakerOptionsArbitrary } from '../src/check/breaker/breaker-arbitraries.ts';
import { breakerModelProperty } from '../src/check/breaker/breaker-model-property.ts';
import type { BreakerStrategy } from '../src/client/client-types.ts';
import type { Benchmark } from './bench-types.ts';

const RUNS = 1_000;
const MAX_COMMANDS = 100;
/** Our own budget (the issue sets none): the model suite must stay cheap enough for CI. */
const TARGET_MS = 30_000;

/** Time of 1000 model-based breaker runs of up to 100 commands, per strategy. */
const bench: Benchmark = {
  name: 'properties',
  async run() {
    const strategies: BreakerStrategy[] = ['consecutive', 'count-window', 'time-window', 'slow-call-rate'];
    const rows = [];
    const targets = [];
    for (const strategy of strategies) {
      const property = breakerModelProperty(breakerOptionsArbitrary(strategy), MAX_COMMANDS);
      const start = performance.now();
      const details = await fc.check(property, { numRuns: RUNS, seed: 1 });
      const ms = performance.now() - start;
      rows.push({
        label: strategy,
        runs: details.numRuns,
        totalMs: ms,
        msPerRun: ms / RUNS,
        failed: String(details.failed),
      });
      targets.push({
        name: `${strategy}: ${RUNS} runs of <= ${MAX_COMMANDS} commands`,
        ok: !details.failed && ms <= TARGET_MS,
        detail: `${Math.round(ms)} ms (budget ${TARGET_MS} ms)${details.failed ? ', PROPERTY FAILED' : ''}`,
      });
    }
    return {
      rows,
      targets,
      notes: ['ManualClock.advance flushes the macrotask queue, which dominates the cost.'],
    };
  },
};

export default bench;
