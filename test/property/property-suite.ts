import fc from 'fast-check';
import { breakerOptionsArbitrary } from '../../src/check/breaker/breaker-arbitraries.ts';
import { breakerConcurrencyProperty } from '../../src/check/breaker/breaker-concurrency-property.ts';
import { breakerModelProperty } from '../../src/check/breaker/breaker-model-property.ts';
import {
  type ComposedOptions,
  compositionProperty,
} from '../../src/check/composition/composition-property.ts';
import { retryOptionsArbitrary } from '../../src/check/retry/retry-arbitraries.ts';
import { retryBudgetProperty } from '../../src/check/retry/retry-budget-property.ts';
import { retryCallProperty } from '../../src/check/retry/retry-call-property.ts';
import type { BreakerStrategy } from '../../src/client/client-types.ts';

export const strategies: BreakerStrategy[] = ['consecutive', 'count-window', 'time-window', 'slow-call-rate'];

export const composedOptions = (strategy: BreakerStrategy): fc.Arbitrary<ComposedOptions> =>
  fc.record({
    retry: retryOptionsArbitrary,
    breaker: breakerOptionsArbitrary(strategy),
    timeoutMs: fc.integer({ min: 1, max: 500 }),
    deadlineMs: fc.integer({ min: 1, max: 3_000 }),
  });

export interface SuiteEntry {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: properties of different input tuples
  property: fc.IAsyncPropertyWithHooks<any>;
}

/** Every property of the policies, over wide option ranges: what mutants.test.ts runs. */
export function propertySuite(): SuiteEntry[] {
  return [
    { name: 'retry: call rules', property: retryCallProperty(retryOptionsArbitrary) },
    { name: 'retry: budget', property: retryBudgetProperty() },
    ...strategies.flatMap((s) => [
      { name: `breaker model: ${s}`, property: breakerModelProperty(breakerOptionsArbitrary(s)) },
      { name: `breaker concurrency: ${s}`, property: breakerConcurrencyProperty(breakerOptionsArbitrary(s)) },
    ]),
    { name: 'composition: consecutive', property: compositionProperty(composedOptions('consecutive')) },
  ];
}
