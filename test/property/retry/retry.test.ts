import fc from 'fast-check';
import { describe, it } from 'vitest';
import { retryOptionsArbitrary } from '../../../src/check/retry/retry-arbitraries.ts';
import { retryBudgetProperty } from '../../../src/check/retry/retry-budget-property.ts';
import { retryCallProperty } from '../../../src/check/retry/retry-call-property.ts';

describe('retry policy properties', () => {
  it('attempts, jitter bounds, Retry-After, deadline, idempotency and 4xx rules hold for any call', async () => {
    await fc.assert(retryCallProperty(retryOptionsArbitrary), { numRuns: 300 });
  });

  it('the retry budget is never exceeded over the window at any granted retry', async () => {
    await fc.assert(retryBudgetProperty(), { numRuns: 200 });
  });
});
