import fc from 'fast-check';
import type { BreakerOptions, BreakerStrategy } from '../../client/client-types.ts';
import type { BreakerCommand } from './breaker-command.ts';
import type { ModelOutcome } from './breaker-model.ts';
import { CallFails } from './commands/call-fails.ts';
import { CallIsSlow } from './commands/call-is-slow.ts';
import { CallSucceeds } from './commands/call-succeeds.ts';
import { Isolate } from './commands/isolate.ts';
import { ProbeEnds } from './commands/probe-ends.ts';
import { ProbeStarts } from './commands/probe-starts.ts';
import { Reset } from './commands/reset.ts';
import { TimeAdvances } from './commands/time-advances.ts';

const rate = fc.integer({ min: 1, max: 4 }).map((n) => n / 4);

/**
 * Breaker options of one strategy, small enough that thresholds, windows and timeouts are
 * actually reached within a hundred commands.
 */
export function breakerOptionsArbitrary(strategy: BreakerStrategy): fc.Arbitrary<BreakerOptions> {
  return fc.record({
    strategy: fc.constant(strategy),
    failureThreshold: fc.integer({ min: 1, max: 5 }),
    windowSize: fc.integer({ min: 1, max: 8 }),
    windowMs: fc.integer({ min: 10, max: 1_000 }),
    minimumCalls: fc.integer({ min: 1, max: 6 }),
    failureRateThreshold: rate,
    slowCallDurationMs: fc.integer({ min: 10, max: 500 }),
    slowCallRateThreshold: rate,
    resetTimeoutMs: fc.integer({ min: 0, max: 500 }),
    halfOpenMaxCalls: fc.integer({ min: 1, max: 3 }),
    halfOpenSuccesses: fc.integer({ min: 1, max: 3 }),
  });
}

/**
 * Every breaker command, weighted towards calls, probes and time (isolate is sticky until
 * a reset, so it is rare).
 */
export function breakerCommandsArbitrary(maxCommands = 100): fc.Arbitrary<Iterable<BreakerCommand>> {
  const fresh = <T>(make: () => T) => fc.constant(null).map(make);
  const command: fc.Arbitrary<BreakerCommand> = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 999 }).map((f) => new CallSucceeds(f / 1000)) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 1_000 }).map((d) => new CallFails(d)) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }).map((d) => new CallIsSlow(d)) },
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          fc.integer({ min: 0, max: 600 }),
          fc.constant('to-reopen' as const),
          fc.constant('just-before-reopen' as const),
        )
        .map((step) => new TimeAdvances(step)),
    },
    { weight: 3, arbitrary: fresh(() => new ProbeStarts()) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.nat(10), fc.constantFrom<ModelOutcome>('success', 'failure', 'ignore'), fc.boolean())
        .map(([i, outcome, slow]) => new ProbeEnds(i, outcome, slow)),
    },
    { weight: 1, arbitrary: fresh(() => new Isolate()) },
    { weight: 2, arbitrary: fresh(() => new Reset()) },
  );
  return fc.commands([command], { maxCommands, size: 'large' });
}
