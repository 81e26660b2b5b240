import fc from 'fast-check';
import type { RetryBudgetOptions } from '../../client/client-types.ts';
import { RetryPolicy } from '../../client/retry/retry-policy.ts';
import { ManualClock } from '../../time/manual-clock.ts';
import { createRandom } from '../../time/random.ts';
import { invariant } from '../invariant-violation.ts';

/** Budgets whose window is a multiple of 10 ms, so bucket edges fall on whole ms. */
export const retryBudgetArbitrary: fc.Arbitrary<Required<RetryBudgetOptions>> = fc.record({
  ratio: fc.integer({ min: 0, max: 4 }).map((n) => n / 4),
  minRetriesPerWindow: fc.integer({ min: 0, max: 3 }),
  windowMs: fc.integer({ min: 1, max: 100 }).map((n) => n * 10),
});

const trafficArbitrary = fc.array(
  fc.record({ gapMs: fc.integer({ min: 0, max: 150 }), kind: fc.constantFrom('call', 'retry', 'retry') }),
  { minLength: 1, maxLength: 200 },
);

/**
 * Calls and retry requests arrive over time (every retry request is retryable, so only the
 * budget can refuse it). At every granted retry at time r, the retries granted in the
 * window (r - windowMs, r] never exceed minRetriesPerWindow + ratio * calls in that window.
 */
export function retryBudgetProperty(
  budgets: fc.Arbitrary<Required<RetryBudgetOptions>> = retryBudgetArbitrary,
): fc.IAsyncPropertyWithHooks<[Required<RetryBudgetOptions>, Array<{ gapMs: number; kind: string }>]> {
  return fc.asyncProperty(budgets, trafficArbitrary, async (budget, traffic) => {
    const clock = new ManualClock();
    const policy = new RetryPolicy(
      { maxAttempts: 1_000, baseDelayMs: 0, maxDelayMs: 0, jitter: 'none', budget },
      { clock, random: createRandom(1) },
    );
    const calls: number[] = [];
    const retries: number[] = [];
    for (const step of traffic) {
      if (step.gapMs > 0) await clock.advance(step.gapMs);
      const now = clock.now();
      if (step.kind === 'call') {
        policy.onCallStart();
        calls.push(now);
        continue;
      }
      const d = policy.decide({
        attempt: 1,
        result: { kind: 'status', status: 503 },
        method: 'GET',
        deadlineAt: now + 1e9,
        previousDelayMs: 0,
      });
      if (!d.retry) continue;
      retries.push(now);
      const inWindow = (t: number) => t > now - budget.windowMs && t <= now;
      const r = retries.filter(inWindow).length;
      const c = calls.filter(inWindow).length;
      const allowed = budget.minRetriesPerWindow + budget.ratio * c;
      invariant(
        r <= allowed + 1e-9,
        `at t=${now} ms: ${r} retries granted in the last ${budget.windowMs} ms, budget allows ${allowed} (${c} calls)`,
      );
    }
  });
}
