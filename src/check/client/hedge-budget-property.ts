import fc from 'fast-check';
import type { RetryBudgetOptions } from '../../client/client-types.ts';
import type { ServiceClientOptions } from '../../config/resolve-service-client-options.ts';
import { invariant } from '../invariant-violation.ts';
import { virtualClient } from './virtual-client.ts';

const callsArbitrary = fc.array(
  fc.record({
    gapMs: fc.integer({ min: 0, max: 50 }),
    /** Fraction of the hedge delay the upstream takes: above 1 a hedge goes out. */
    slowness: fc.double({ min: 0, max: 3, noNaN: true }),
    status: fc.oneof({ weight: 4, arbitrary: fc.constant(200) }, { weight: 1, arbitrary: fc.constant(503) }),
  }),
  { minLength: 20, maxLength: 40 },
);

/**
 * Hedges are charged to the retry budget: with the service's REAL client, its hedging and
 * its retry budget, against an upstream that is often slower than the hedge delay, the
 * extra requests on the wire (hedges and retries: every request of a call after its first)
 * never exceed `minRetriesPerWindow + ratio * calls` over any `windowMs`. Counted at the
 * upstream, so a hedge that skips the budget shows however the client reports it.
 */
export function hedgeBudgetProperty(options: ServiceClientOptions, budget: Required<RetryBudgetOptions>) {
  const hedging = options.hedging!;
  const timeoutMs = options.timeoutMs ?? 1_000;
  const delay = typeof hedging.delayMs === 'number' ? hedging.delayMs : timeoutMs / 4;
  return fc.asyncProperty(callsArbitrary, async (calls) => {
    let current = calls[0]!;
    const v = virtualClient({ ...options, service: 'check' }, () => ({
      status: current.status,
      durationMs: Math.min(current.slowness * delay, timeoutMs * 0.9),
    }));
    const starts: number[] = [];
    const extras: number[] = [];
    try {
      for (const call of calls) {
        await v.idle(call.gapMs);
        current = call;
        const first = v.wire.length;
        starts.push(v.clock.now());
        await v.call({ method: 'GET', path: '/check' });
        extras.push(...v.wire.slice(first + 1));
      }
    } finally {
      await v.close();
    }
    for (const t of extras) {
      const inWindow = (x: number) => x > t - budget.windowMs && x <= t;
      const spent = extras.filter(inWindow).length;
      const allowed = budget.minRetriesPerWindow + budget.ratio * starts.filter(inWindow).length;
      invariant(
        spent <= allowed,
        `${spent} hedges and retries reached the upstream within ${budget.windowMs} ms up to ${t} ms, ` +
          `the retry budget allows ${allowed} (minRetriesPerWindow ${budget.minRetriesPerWindow} + ratio ${budget.ratio} x calls): ` +
          'a hedge was not charged to the retry budget',
      );
    }
  });
}
