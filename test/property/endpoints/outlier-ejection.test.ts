import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EndpointSet } from '../../../src/client/endpoints/endpoint-set.ts';
import {
  resolveEndpoints,
  resolveOutlierDetectionOptions,
} from '../../../src/client/endpoints/resolve-endpoint-options.ts';

/**
 * One step of traffic: a call whose endpoint answers ok or fails, time passing, or time
 * moving to just before / exactly at the end of the earliest ejection (the boundaries
 * random waits would almost never hit).
 */
type Step =
  | { kind: 'call'; fail: boolean }
  | { kind: 'wait'; ms: number }
  | { kind: 'to-ejection-end'; offset: -1 | 0 };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('call' as const),
      fail: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 5_000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('to-ejection-end' as const),
      offset: fc.constantFrom(-1 as const, 0 as const),
    }),
  },
);

const setupArbitrary = fc.record({
  endpoints: fc.integer({ min: 1, max: 8 }),
  consecutiveFailures: fc.integer({ min: 1, max: 4 }),
  baseEjectionMs: fc.integer({ min: 1, max: 3_000 }),
  maxEjectionMs: fc.integer({ min: 3_000, max: 20_000 }),
  maxEjectionPercent: fc.oneof(fc.integer({ min: 0, max: 99 }), fc.constantFrom(34, 50, 99)),
  loadBalancing: fc.constantFrom('round-robin' as const, 'least-outstanding' as const, 'weighted' as const),
  /** Endpoints that fail when the step says so; the others always answer ok. */
  flaky: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
});

describe('outlier ejection (property)', () => {
  it('never ejects more than maxEjectionPercent; an ejected endpoint gets no traffic until its time passes', () => {
    fc.assert(
      fc.property(setupArbitrary, fc.array(stepArbitrary, { maxLength: 300 }), (s, steps) => {
        let now = 0;
        const clock = { now: () => now };
        const options = resolveOutlierDetectionOptions({
          consecutiveFailures: s.consecutiveFailures,
          baseEjectionMs: s.baseEjectionMs,
          maxEjectionMs: s.maxEjectionMs,
          maxEjectionPercent: s.maxEjectionPercent,
        });
        const urls = Array.from({ length: s.endpoints }, (_, i) => ({
          url: `http://127.0.0.1:${1000 + i}`,
          weight: i + 1,
        }));
        const set = new EndpointSet(
          resolveEndpoints(urls),
          { loadBalancing: s.loadBalancing, outlierDetection: options },
          clock,
        );
        const maxEjected = Math.floor((s.maxEjectionPercent * s.endpoints) / 100);
        // endpoint -> clock reading its current ejection ends at
        const ejectedUntil = new Map<number, number>();
        const times = new Array<number>(s.endpoints).fill(0);
        for (const step of steps) {
          if (step.kind !== 'call') {
            if (step.kind === 'wait') now += step.ms;
            else if (ejectedUntil.size > 0)
              now = Math.max(now, Math.min(...ejectedUntil.values()) + step.offset);
            for (const [i, until] of ejectedUntil) if (until <= now) ejectedUntil.delete(i);
            continue;
          }
          const i = set.acquire();
          // an ejected endpoint gets no traffic before its ejection ends
          expect(ejectedUntil.has(i)).toBe(false);
          const ejected = set.release(i, step.fail && s.flaky[i] ? 'failure' : 'success');
          if (ejected) {
            times[i]!++;
            const until = set.health().endpoints[i]!.ejectedUntil!;
            expect(until - now).toBeLessThanOrEqual(options.maxEjectionMs);
            expect(until - now).toBeGreaterThanOrEqual(
              Math.min(options.baseEjectionMs, options.maxEjectionMs),
            );
            ejectedUntil.set(i, until);
          }
          expect(ejectedUntil.size).toBeLessThanOrEqual(maxEjected);
          const reported = set.health().endpoints.filter((e) => e.status === 'ejected').length;
          expect(reported).toBe(ejectedUntil.size);
        }
      }),
      { numRuns: 300 },
    );
  });
});
