import fc from 'fast-check';
import { breakerOutcomeOf } from '../../client/breaker/breaker-outcome.ts';
import { CircuitBreaker } from '../../client/breaker/circuit-breaker.ts';
import type { BreakerOptions, RetryOptions } from '../../client/client-types.ts';
import { type AttemptResult, RetryPolicy } from '../../client/retry/retry-policy.ts';
import { ManualClock } from '../../time/manual-clock.ts';
import { createRandom } from '../../time/random.ts';
import { invariant } from '../invariant-violation.ts';
import { attemptResultArbitrary } from '../retry/retry-arbitraries.ts';

export interface ComposedOptions {
  retry: RetryOptions;
  breaker: BreakerOptions;
  timeoutMs: number;
  deadlineMs: number;
}

export interface ComposedCall {
  gapMs: number;
  method: string;
  /** What upstream answers to successive attempts; past the end: 200. */
  attempts: Array<{ result: AttemptResult; durationMs: number }>;
}

const callsArbitrary: fc.Arbitrary<ComposedCall[]> = fc.array(
  fc.record({
    gapMs: fc.integer({ min: 0, max: 400 }),
    method: fc.constantFrom('GET', 'PUT'),
    attempts: fc.array(
      fc.record({
        result: fc.oneof(
          { weight: 4, arbitrary: fc.constant<AttemptResult>({ kind: 'status', status: 503 }) },
          { weight: 1, arbitrary: attemptResultArbitrary },
        ),
        durationMs: fc.integer({ min: 0, max: 300 }),
      }),
      { maxLength: 6 },
    ),
  }),
  { minLength: 1, maxLength: 25 },
);

/**
 * Breaker and retry together, composed as the client composes them
 * (deadline(retry(breaker(timeout(transport))))), over a series of calls. Checks:
 * - no attempt reaches upstream while the circuit is open or isolated;
 * - a short-circuit (FAULTLINE_BREAKER_OPEN) is never retried, so an open circuit ends
 *   the call at once instead of spinning through backoff: no retry storm;
 * - every call ends within its deadline, and makes at most maxAttempts attempts.
 */
export function compositionProperty(
  options: fc.Arbitrary<ComposedOptions>,
): fc.IAsyncPropertyWithHooks<[ComposedOptions, ComposedCall[], number]> {
  return fc.asyncProperty(options, callsArbitrary, fc.integer(), async (o, calls, seed) => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker(o.breaker, clock);
    const retry = new RetryPolicy(o.retry, { clock, random: createRandom(seed) });
    for (const [index, call] of calls.entries()) {
      await clock.advance(call.gapMs);
      const startedAt = clock.now();
      const deadlineAt = startedAt + o.deadlineMs;
      retry.onCallStart();
      let previousDelayMs = 0;
      for (let attempt = 1; ; attempt++) {
        invariant(attempt <= retry.options.maxAttempts, `call ${index}: attempt ${attempt} > maxAttempts`);
        const state = breaker.state;
        const permit = breaker.tryAcquire();
        let result: AttemptResult;
        if (permit === undefined) {
          invariant(state !== 'closed', `call ${index}: closed circuit refused attempt ${attempt}`);
          result = { kind: 'error', code: 'FAULTLINE_BREAKER_OPEN' };
        } else {
          invariant(
            state !== 'open' && state !== 'isolated',
            `call ${index}: attempt ${attempt} reached upstream while the circuit was ${state}`,
          );
          const planned = call.attempts[attempt - 1] ?? {
            result: { kind: 'status', status: 200 },
            durationMs: 1,
          };
          const budget = Math.min(o.timeoutMs, deadlineAt - clock.now());
          if (planned.durationMs >= budget) {
            // advanceTo, not advance(budget): fractional delays must not drift past the deadline.
            await clock.advanceTo(Math.min(clock.now() + o.timeoutMs, deadlineAt));
            const byDeadline = clock.now() >= deadlineAt;
            result = {
              kind: 'error',
              code: byDeadline ? 'FAULTLINE_DEADLINE_EXCEEDED' : 'FAULTLINE_TIMEOUT',
            };
          } else {
            await clock.advance(planned.durationMs);
            result = planned.result;
          }
          const took = clock.now() - startedAt;
          const verdict = breakerOutcomeOf(
            result.kind === 'status' ? { status: result.status } : { errorCode: result.code },
            breaker.options.failureStatuses,
          );
          if (verdict === 'ignore') permit.ignore();
          else permit[verdict](took);
        }
        const d = retry.decide({ attempt, result, method: call.method, deadlineAt, previousDelayMs });
        if (result.kind === 'error' && result.code === 'FAULTLINE_BREAKER_OPEN') {
          invariant(!d.retry, `call ${index}: a short-circuit was retried (attempt ${attempt})`);
        }
        if (!d.retry) break;
        await clock.advance(d.delayMs);
        previousDelayMs = d.delayMs;
      }
      invariant(
        clock.now() <= deadlineAt,
        `call ${index} took ${clock.now() - startedAt} ms, deadline is ${o.deadlineMs} ms`,
      );
    }
  });
}
