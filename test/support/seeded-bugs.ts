import { CircuitBreaker } from '../../src/client/breaker/circuit-breaker.ts';
import { ConsecutiveStrategy } from '../../src/client/breaker/consecutive-strategy.ts';
import { CountWindowStrategy } from '../../src/client/breaker/count-window-strategy.ts';
import { SlowCallRateStrategy } from '../../src/client/breaker/slow-call-rate-strategy.ts';
import { TimeWindowStrategy } from '../../src/client/breaker/time-window-strategy.ts';
import type { CallRecord } from '../../src/client/breaker/trip-strategy.ts';
import { createClient } from '../../src/client/create-client.ts';
import { LastGoodCache } from '../../src/client/fallback/last-good-cache.ts';
import { TokenBucket } from '../../src/client/rate-limit/token-bucket.ts';
import { RetryBudget } from '../../src/client/retry/retry-budget.ts';
import { type RetryDecisionInput, RetryPolicy } from '../../src/client/retry/retry-policy.ts';

/**
 * Deliberate bugs for "do the tests have teeth?", seeded from the TEST side: production code
 * carries no switch. Each bug is a small buggy implementation of one method of the real
 * policy (or of the real client's request) that wraps the original and changes one decision;
 * `withSeededBug` installs it on the prototype for the duration of `fn` and restores the
 * original in `finally`. Complements `npm run test:mutants` (StrykerJS), which mutates the
 * source itself: these are the named bugs whose catcher (property, invariant, hypothesis)
 * the tests assert.
 */
export type SeededBug =
  /** A breaker opens one failure late (`>` instead of `>=`). */
  | 'thresholdOffByOne'
  /** Half-open admits every caller instead of at most halfOpenMaxCalls probes. */
  | 'halfOpenAdmitsEveryone'
  /** A result from an older circuit generation (or a non-probe in half-open) is applied. */
  | 'staleResultApplies'
  /** Non-idempotent methods are retried without an idempotency key. */
  | 'retryWithoutIdempotencyKey'
  /** Retry-After is ignored when computing the delay. */
  | 'ignoreRetryAfter'
  /** Backoff delays are not capped at maxDelayMs (they come out doubled). */
  | 'jitterAboveCap'
  /** A granted retry is not charged to the retry budget. */
  | 'budgetNotCharged'
  /** A hedge is sent without asking the retry budget. */
  | 'hedgeNotCharged'
  /** A call refused by an open breaker is retried after a backoff sleep. */
  | 'breakerOpenRetried'
  /** A bulkhead slot is given back only when the call succeeded. */
  | 'bulkheadLeaksOnFailure'
  /** The last-good cache serves an entry whatever its age. */
  | 'cacheNeverExpires'
  /** The breaker records every call as fast. */
  | 'slowCallsNotCounted'
  /** The token bucket keeps refilling past its burst while idle. */
  | 'refillUncapped';

// biome-ignore lint/suspicious/noExplicitAny: prototypes are patched by method name
type Patch = { target: any; method: string; wrap: (original: any) => any };

const STRATEGIES = [ConsecutiveStrategy, CountWindowStrategy, TimeWindowStrategy, SlowCallRateStrategy];

/** The real client's prototype (the class is not exported). */
function clientPrototype(): object {
  const probe = createClient({ service: 'seeded-bug', baseUrl: 'http://seeded-bug.invalid' });
  void probe.close();
  return Object.getPrototypeOf(probe) as object;
}

/** Trips later by one record: the first record that would open is swallowed. */
const suppressedOnce = new WeakSet<object>();
const oneLate = (original: (call: CallRecord, now: number) => string | undefined) =>
  function (this: object, call: CallRecord, now: number): string | undefined {
    const reason = original.call(this, call, now);
    if (reason === undefined) {
      if (!call.failure && !call.slow) suppressedOnce.delete(this);
      return undefined;
    }
    if (suppressedOnce.has(this)) {
      suppressedOnce.delete(this);
      return reason;
    }
    suppressedOnce.add(this);
    return undefined;
  };

type Decide = (this: RetryPolicy, i: RetryDecisionInput) => ReturnType<RetryPolicy['decide']>;

const PATCHES: Record<SeededBug, () => Patch[]> = {
  thresholdOffByOne: () => STRATEGIES.map((s) => ({ target: s.prototype, method: 'record', wrap: oneLate })),
  halfOpenAdmitsEveryone: () => [
    {
      target: CircuitBreaker.prototype,
      method: 'tryAcquire',
      wrap: (original: () => unknown) =>
        function (this: { state: string; circuit: { kind: string; probesInFlight: number } }) {
          this.state; // refreshes open -> half-open
          const c = this.circuit;
          if (c.kind !== 'half-open') return original.call(this);
          const inFlight = c.probesInFlight;
          c.probesInFlight = 0;
          const permit = original.call(this);
          c.probesInFlight = inFlight + (permit === undefined ? 0 : 1);
          return permit;
        },
    },
  ],
  staleResultApplies: () => [
    {
      target: CircuitBreaker.prototype,
      method: 'settle',
      wrap: (original: (...a: unknown[]) => void) =>
        function (
          this: { circuit: { kind: string; generation: number } },
          _generation: number,
          probe: boolean,
          outcome: string,
          durationMs: number,
        ) {
          const c = this.circuit;
          original.call(this, c.generation, probe || c.kind === 'half-open', outcome, durationMs);
        },
    },
  ],
  retryWithoutIdempotencyKey: () => [
    {
      target: RetryPolicy.prototype,
      method: 'decide',
      wrap: (original: Decide): Decide =>
        function (i) {
          return original.call(this, { ...i, method: 'GET' });
        },
    },
  ],
  ignoreRetryAfter: () => [
    {
      target: RetryPolicy.prototype,
      method: 'decide',
      wrap: (original: Decide): Decide =>
        function (i) {
          const result = i.result.kind === 'status' ? { ...i.result, retryAfterMs: undefined } : i.result;
          return original.call(this, { ...i, result });
        },
    },
  ],
  jitterAboveCap: () => [
    {
      target: RetryPolicy.prototype,
      method: 'decide',
      wrap: (original: Decide): Decide =>
        function (i) {
          const self = this as unknown as { backoff: { delay(...a: unknown[]): number } };
          const honest = self.backoff;
          self.backoff = { delay: (...a: unknown[]) => honest.delay(...a) * 2 };
          try {
            return original.call(this, i);
          } finally {
            self.backoff = honest;
          }
        },
    },
  ],
  budgetNotCharged: () => [
    {
      target: RetryBudget.prototype,
      method: 'tryAcquire',
      wrap: () =>
        function (this: RetryBudget) {
          return this.available >= 1;
        },
    },
  ],
  hedgeNotCharged: () => [
    { target: RetryPolicy.prototype, method: 'tryAcquireBudget', wrap: () => () => true },
  ],
  breakerOpenRetried: () => [
    {
      target: clientPrototype(),
      method: 'request',
      wrap: (original: (...a: unknown[]) => Promise<unknown>) =>
        async function (
          this: { built: { pipeline: { clock: { sleep(ms: number): Promise<void> }; retry?: RetryPolicy } } },
          ...args: unknown[]
        ) {
          const { pipeline } = this.built;
          const maxAttempts = pipeline.retry?.options.maxAttempts ?? 1;
          const base = pipeline.retry?.options.baseDelayMs ?? 100;
          for (let attempt = 1; ; attempt++) {
            try {
              return await original.apply(this, args);
            } catch (err) {
              if ((err as { code?: string }).code !== 'FAULTLINE_BREAKER_OPEN' || attempt >= maxAttempts) {
                throw err;
              }
              await pipeline.clock.sleep(base * 2 ** (attempt - 1));
            }
          }
        },
    },
  ],
  bulkheadLeaksOnFailure: () => [
    {
      target: clientPrototype(),
      method: 'request',
      wrap: (original: (...a: unknown[]) => Promise<unknown>) =>
        async function (this: { built: { bulkhead?: { running: number } } }, ...args: unknown[]) {
          try {
            return await original.apply(this, args);
          } catch (err) {
            // The slot the failed call held is never given back.
            const { bulkhead } = this.built;
            if (bulkhead !== undefined && (err as { code?: string }).code !== 'FAULTLINE_BULKHEAD_FULL') {
              bulkhead.running++;
            }
            throw err;
          }
        },
    },
  ],
  cacheNeverExpires: () => [
    {
      target: LastGoodCache.prototype,
      method: 'lookup',
      wrap: (original: (key: string) => unknown) =>
        function (this: { maxAgeMs: number }, key: string) {
          const honest = this.maxAgeMs;
          Object.defineProperty(this, 'maxAgeMs', { value: Number.POSITIVE_INFINITY, configurable: true });
          try {
            return original.call(this, key);
          } finally {
            Object.defineProperty(this, 'maxAgeMs', { value: honest, configurable: true });
          }
        },
    },
  ],
  slowCallsNotCounted: () => [
    {
      target: CircuitBreaker.prototype,
      method: 'settle',
      wrap: (original: (...a: unknown[]) => void) =>
        function (this: unknown, generation: number, probe: boolean, outcome: string) {
          original.call(this, generation, probe, outcome, 0);
        },
    },
  ],
  refillUncapped: () => [
    {
      target: TokenBucket.prototype,
      method: 'refill',
      wrap: () =>
        function (this: { tokens: number; updatedAt: number; options: { ratePerSec: number } }, now: number) {
          if (now <= this.updatedAt) return;
          this.tokens += ((now - this.updatedAt) / 1000) * this.options.ratePerSec;
          this.updatedAt = now;
        },
    },
  ],
};

export const seededBugs = Object.keys(PATCHES) as SeededBug[];

/** Runs `fn` with `bug` seeded, and restores the real code afterwards (also on failure). */
export async function withSeededBug<T>(bug: SeededBug, fn: () => Promise<T> | T): Promise<T> {
  const undo: Array<() => void> = [];
  try {
    for (const p of PATCHES[bug]()) {
      const original = p.target[p.method];
      p.target[p.method] = p.wrap(original);
      undo.push(() => {
        p.target[p.method] = original;
      });
    }
    return await fn();
  } finally {
    for (const u of undo.reverse()) u();
  }
}
