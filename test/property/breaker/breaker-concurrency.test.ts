import fc from 'fast-check';
import { describe, it } from 'vitest';
import { breakerOptionsArbitrary } from '../../../src/check/breaker/breaker-arbitraries.ts';
import { breakerConcurrencyProperty } from '../../../src/check/breaker/breaker-concurrency-property.ts';
import type { BreakerStrategy } from '../../../src/client/client-types.ts';

const strategies: BreakerStrategy[] = ['consecutive', 'count-window', 'time-window', 'slow-call-rate'];

describe('circuit breaker: concurrent calls in scheduler-chosen orders', () => {
  it.each(strategies)('%s keeps its invariants', async (strategy) => {
    await fc.assert(breakerConcurrencyProperty(breakerOptionsArbitrary(strategy)), { numRuns: 100 });
  });
});
