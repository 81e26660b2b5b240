import fc from 'fast-check';
import { describe, it } from 'vitest';
import { compositionProperty } from '../../src/check/composition/composition-property.ts';
import { composedOptions, strategies } from './property-suite.ts';

describe('breaker + retry composed', () => {
  it.each(strategies)(
    '%s: no storm into an open circuit, deadline bounds every call',
    async (strategy) => {
      await fc.assert(compositionProperty(composedOptions(strategy)), { numRuns: 100 });
    },
    // Generous: shrinking a failure re-runs many multi-call runs.
    120_000,
  );
});
