import fc from 'fast-check';
import { describe, it } from 'vitest';
import { breakerOptionsArbitrary } from '../../../src/check/breaker/breaker-arbitraries.ts';
import { breakerModelProperty } from '../../../src/check/breaker/breaker-model-property.ts';
import type { BreakerStrategy } from '../../../src/client/client-types.ts';

const strategies: BreakerStrategy[] = ['consecutive', 'count-window', 'time-window', 'slow-call-rate'];

describe('circuit breaker: model-based', () => {
  it.each(strategies)('%s agrees with the model after every command', async (strategy) => {
    // fc.assert's error message carries the shrunk commands, the seed and the path to replay.
    await fc.assert(breakerModelProperty(breakerOptionsArbitrary(strategy)), { numRuns: 150 });
  });
});
