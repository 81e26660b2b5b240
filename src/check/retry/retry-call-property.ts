import fc from 'fast-check';
import type { RetryOptions } from '../../client/client-types.ts';
import { RETRYABLE_4XX } from '../../client/retry/resolve-retry-options.ts';
import type { AttemptResult, ResolvedRetryOptions } from '../../client/retry/retry-policy.ts';
import { IDEMPOTENT_METHODS, RetryPolicy } from '../../client/retry/retry-policy.ts';
import { ManualClock } from '../../time/manual-clock.ts';
import { createRandom } from '../../time/random.ts';
import { invariant } from '../invariant-violation.ts';
import { type RetryScenario, retryScenarioArbitrary } from './retry-arbitraries.ts';

const EPSILON = 1e-6;

/** The range a jitter may draw from for retry `n` (before Retry-After), per the formulas. */
export function jitterBounds(o: ResolvedRetryOptions, n: number, previousDelayMs: number): [number, number] {
  const e = Math.min(o.maxDelayMs, o.baseDelayMs * o.multiplier ** (n - 1));
  switch (o.jitter) {
    case 'none':
      return [e, e];
    case 'full':
      return [0, e];
    case 'equal':
      return [e / 2, e];
    case 'decorrelated':
      return [
        Math.min(o.maxDelayMs, o.baseDelayMs),
        Math.min(o.maxDelayMs, 3 * Math.max(o.baseDelayMs, previousDelayMs)),
      ];
  }
}

/**
 * One call driven through the retry policy on a manual clock, as the client drives it
 * (each attempt is cut short at the deadline). Checks at every decision:
 * - attempts never exceed maxAttempts;
 * - each delay is within its jitter's bounds and <= maxDelayMs;
 * - never before Retry-After (when honoured), and a Retry-After above the cap gives up;
 * - the call never outlives its deadline;
 * - a POST/PATCH without an idempotency key is never retried;
 * - other 4xx (and non-retryable error codes) are never retried.
 */
export function retryCallProperty(
  options: fc.Arbitrary<RetryOptions>,
  scenarios: fc.Arbitrary<RetryScenario> = retryScenarioArbitrary,
): fc.IAsyncPropertyWithHooks<[RetryOptions, RetryScenario]> {
  return fc.asyncProperty(options, scenarios, async (given, sc) => {
    const clock = new ManualClock();
    const policy = new RetryPolicy({ ...given, budget: false }, { clock, random: createRandom(sc.seed) });
    const o = policy.options;
    const deadlineAt = clock.now() + sc.deadlineMs;
    policy.onCallStart();
    let previousDelayMs = 0;
    for (let attempt = 1; ; attempt++) {
      invariant(attempt <= o.maxAttempts, `attempt ${attempt} made, maxAttempts is ${o.maxAttempts}`);
      const planned = sc.attempts[attempt - 1] ?? { result: { kind: 'status', status: 200 }, durationMs: 1 };
      const remaining = deadlineAt - clock.now();
      let result: AttemptResult = planned.result;
      if (planned.durationMs >= remaining) {
        await clock.advanceTo(deadlineAt); // not advance(remaining): no floating-point drift
        result = { kind: 'error', code: 'FAULTLINE_DEADLINE_EXCEEDED' };
      } else {
        await clock.advance(planned.durationMs);
      }
      const d = policy.decide({
        attempt,
        result,
        method: sc.method,
        idempotencyKey: sc.idempotencyKey,
        deadlineAt,
        previousDelayMs,
      });
      const label = `attempt ${attempt} (${JSON.stringify(result)})`;
      if (!d.retry) break;

      invariant(
        IDEMPOTENT_METHODS.has(sc.method) || sc.idempotencyKey !== undefined,
        `${label}: ${sc.method} without an idempotency key was retried`,
      );
      if (result.kind === 'status') {
        invariant(result.status >= 400, `${label}: a success was retried`);
        invariant(
          !(result.status < 500 && !RETRYABLE_4XX.includes(result.status)),
          `${label}: ${result.status} was retried`,
        );
        invariant(
          o.retryOnStatus.includes(result.status),
          `${label}: status not in retryOnStatus was retried`,
        );
      } else {
        invariant(
          o.retryOnNetworkError &&
            ['FAULTLINE_NETWORK', 'FAULTLINE_TIMEOUT', 'FAULTLINE_INVALID_RESPONSE'].includes(result.code),
          `${label}: error ${result.code} was retried`,
        );
      }
      invariant(
        d.delayMs >= 0 && d.delayMs <= o.maxDelayMs + EPSILON,
        `${label}: delay ${d.delayMs} ms outside [0, ${o.maxDelayMs}]`,
      );
      const [low, high] = jitterBounds(o, attempt, previousDelayMs);
      const inJitter = d.delayMs >= low - EPSILON && d.delayMs <= high + EPSILON;
      const retryAfter = result.kind === 'status' && o.respectRetryAfter ? result.retryAfterMs : undefined;
      if (retryAfter === undefined) {
        invariant(
          inJitter,
          `${label}: delay ${d.delayMs} ms outside ${o.jitter} jitter bounds [${low}, ${high}]`,
        );
      } else {
        invariant(
          retryAfter <= o.maxDelayMs,
          `${label}: retried although Retry-After ${retryAfter} ms > cap`,
        );
        invariant(
          d.delayMs >= retryAfter,
          `${label}: delay ${d.delayMs} ms fires before Retry-After ${retryAfter} ms`,
        );
        invariant(
          inJitter || Math.abs(d.delayMs - retryAfter) <= EPSILON,
          `${label}: delay ${d.delayMs} ms is neither Retry-After nor within [${low}, ${high}]`,
        );
      }
      invariant(
        clock.now() + d.delayMs < deadlineAt,
        `${label}: delay ${d.delayMs} ms at t=${clock.now()} reaches the deadline ${deadlineAt}`,
      );
      await clock.advance(d.delayMs);
      previousDelayMs = d.delayMs;
    }
    invariant(
      clock.now() <= deadlineAt,
      `call ended at ${clock.now()} ms, after its deadline ${deadlineAt} ms`,
    );
  });
}
