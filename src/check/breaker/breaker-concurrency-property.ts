import fc from 'fast-check';
import { type BreakerTransition, CircuitBreaker } from '../../client/breaker/circuit-breaker.ts';
import type { BreakerOptions } from '../../client/client-types.ts';
import { ManualClock } from '../../time/manual-clock.ts';
import { invariant } from '../invariant-violation.ts';

export interface ConcurrentCall {
  outcome: 'success' | 'failure' | 'ignore';
  durationMs: number;
}

export interface ConcurrencyRound {
  calls: ConcurrentCall[];
  /** Time that passes after every call of the round has finished, ms. */
  advanceMs: number;
}

const roundsArbitrary: fc.Arbitrary<ConcurrencyRound[]> = fc.array(
  fc.record({
    calls: fc.array(
      fc.record({
        outcome: fc.constantFrom<ConcurrentCall['outcome']>('success', 'failure', 'failure', 'ignore'),
        durationMs: fc.integer({ min: 0, max: 600 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    advanceMs: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.constant(0)),
  }),
  { minLength: 1, maxLength: 8 },
);

/**
 * The breaker under concurrency: in every round several calls start and finish in an
 * order chosen by `fc.scheduler()` (which prints that order in a counterexample). Checks:
 * - an open or isolated circuit admits nobody, a closed one everybody;
 * - never more than halfOpenMaxCalls probes in flight in one half-open period;
 * - transitions are allowed edges, chained, each emitted once;
 * - no probe slot leaks: a half-open circuit with nothing in flight admits a probe.
 */
export function breakerConcurrencyProperty(
  options: fc.Arbitrary<BreakerOptions>,
): fc.IAsyncPropertyWithHooks<[fc.Scheduler, BreakerOptions, ConcurrencyRound[]]> {
  return fc.asyncProperty(fc.scheduler(), options, roundsArbitrary, async (s, o, rounds) => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker(o, clock);
    const transitions: BreakerTransition[] = [];
    breaker.onStateChange((t) => transitions.push(t));
    const max = breaker.options.halfOpenMaxCalls;
    const probesByGeneration = new Map<number, number>();

    for (const round of rounds) {
      const tasks = round.calls.map(async (call, i) => {
        await s.schedule(Promise.resolve(), `start #${i}`);
        const state = breaker.state;
        const generation = breaker.generation;
        const permit = breaker.tryAcquire();
        invariant(
          !(permit && (state === 'open' || state === 'isolated')),
          `call #${i} admitted while ${state}`,
        );
        invariant(!(permit === undefined && state === 'closed'), `call #${i} short-circuited while closed`);
        if (permit === undefined) return;
        const probe = state === 'half-open';
        if (probe) {
          const n = (probesByGeneration.get(generation) ?? 0) + 1;
          probesByGeneration.set(generation, n);
          invariant(n <= max, `${n} probes in flight in one half-open period, halfOpenMaxCalls is ${max}`);
        }
        const outcome = await s.schedule(Promise.resolve(call.outcome), `end #${i} (${call.outcome})`);
        if (probe) probesByGeneration.set(generation, probesByGeneration.get(generation)! - 1);
        if (outcome === 'ignore') permit.ignore();
        else permit[outcome](call.durationMs);
      });
      await s.waitAll();
      await Promise.all(tasks);
      await clock.advance(round.advanceMs);
    }

    transitions.forEach((t, i) => {
      invariant(t.from !== t.to, `transition ${t.from}->${t.to} emitted for no change`);
      const prev = transitions[i - 1];
      if (prev) invariant(prev.to === t.from, `transition ${t.from}->${t.to} does not follow ${prev.to}`);
      if (t.to === 'half-open') invariant(t.from === 'open', `half-open entered from ${t.from}`);
      if (t.from === 'closed') invariant(t.to === 'open', `closed left for ${t.to} without isolate()`);
    });
    if (breaker.state === 'half-open') {
      const permit = breaker.tryAcquire();
      invariant(permit !== undefined, 'half-open with nothing in flight refuses probes: a probe slot leaked');
      permit.ignore();
    }
  });
}
