import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulkheadReleaseProperty } from '../../src/check/client/bulkhead-release-property.ts';
import { burstAfterIdleProperty } from '../../src/check/client/burst-after-idle-property.ts';
import { hedgeBudgetProperty } from '../../src/check/client/hedge-budget-property.ts';
import { slowCallsCountedProperty } from '../../src/check/client/slow-calls-counted-property.ts';
import { compositionProperty } from '../../src/check/composition/composition-property.ts';
import { resolveBreakerOptions } from '../../src/client/breaker/resolve-breaker-options.ts';
import { resolveRateLimitOptions } from '../../src/client/rate-limit/token-bucket.ts';
import type { ServiceClientOptions } from '../../src/config/resolve-service-client-options.ts';
import { type SeededBug, withSeededBug } from '../support/seeded-bugs.ts';
import { composedOptions } from './property-suite.ts';

/**
 * faultline check's invariants that drive the REAL client (its own attempt loop, bulkhead
 * and hedging) hold for the reference client and catch the bugs that survived every
 * earlier test: a breaker refusal retried after a backoff, a bulkhead slot given back only
 * on success, hedges not charged to the retry budget; and slow calls not counted
 * (test/support/seeded-bugs.ts).
 */
const BULKHEAD: ServiceClientOptions = {
  service: 'check',
  bulkhead: { maxConcurrent: 2, maxQueue: 1 },
  retry: { maxAttempts: 2, baseDelayMs: 10 },
  timeoutMs: 100,
  deadlineMs: 1_000,
};
const HEDGING: ServiceClientOptions = {
  service: 'check',
  hedging: { delayMs: 20, maxHedges: 1 },
  retry: { maxAttempts: 2, budget: { ratio: 0.2, minRetriesPerWindow: 3, windowMs: 10_000 } },
  timeoutMs: 200,
  deadlineMs: 1_000,
};
const SLOW_BREAKER = resolveBreakerOptions({
  strategy: 'slow-call-rate',
  minimumCalls: 5,
  slowCallDurationMs: 100,
  slowCallRateThreshold: 0.5,
  windowMs: 10_000,
});
const SLOW: ServiceClientOptions = { service: 'check', breaker: SLOW_BREAKER, timeoutMs: 500, retry: false };
const LIMIT = resolveRateLimitOptions({ ratePerSec: 5, burst: 3, maxWaitMs: 2_000 });
const RATE: ServiceClientOptions = { service: 'check', rateLimit: LIMIT, retry: false, breaker: false };
const BUDGET = { ratio: 0.2, minRetriesPerWindow: 3, windowMs: 10_000 };

const CASES: Array<{
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: properties of different input tuples
  property: () => fc.IAsyncPropertyWithHooks<any>;
  bug: SeededBug;
  message: RegExp;
}> = [
  {
    name: 'composition (real loop): an open circuit answers at once',
    property: () => compositionProperty(composedOptions('consecutive')),
    bug: 'breakerOpenRetried',
    // Caught either as a refusal that took time or as the attempts its retries added.
    message:
      /an open circuit must answer at once with FAULTLINE_BREAKER_OPEN|attempts reached the upstream, maxAttempts is/,
  },
  {
    name: 'every bulkhead slot is given back on every path',
    property: () => bulkheadReleaseProperty(BULKHEAD),
    bug: 'bulkheadLeaksOnFailure',
    message: /ran alone and was refused by the bulkhead/,
  },
  {
    name: 'hedges are charged to the retry budget',
    property: () => hedgeBudgetProperty(HEDGING, BUDGET),
    bug: 'hedgeNotCharged',
    message: /a hedge was not charged to the retry budget/,
  },
  {
    name: 'slow calls are counted',
    property: () => slowCallsCountedProperty(SLOW, SLOW_BREAKER),
    bug: 'slowCallsNotCounted',
    message: /slow calls were not counted/,
  },
  {
    name: 'a burst after idling stays within the rate limit',
    property: () => burstAfterIdleProperty(RATE, LIMIT),
    bug: 'refillUncapped',
    message: /the bucket refilled beyond its burst while idle/,
  },
];

async function failure(property: fc.IAsyncPropertyWithHooks<unknown[]>): Promise<string | undefined> {
  const details = await fc.check(property, { numRuns: 30, seed: 20_261_130, endOnFailure: true });
  if (!details.failed) return undefined;
  return details.errorInstance instanceof Error
    ? details.errorInstance.message
    : String(details.errorInstance);
}

describe('faultline check: invariants on the real client', () => {
  for (const c of CASES) {
    it(`${c.name}: holds for the reference client`, async () => {
      expect(await failure(c.property())).toBeUndefined();
    }, 120_000);

    it(`${c.name}: catches ${c.bug}`, async () => {
      const message = await withSeededBug(c.bug, () => failure(c.property()));
      expect(message, `${c.bug} survived`).toMatch(c.message);
    }, 120_000);
  }
});
