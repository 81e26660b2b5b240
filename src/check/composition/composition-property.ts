import fc from 'fast-check';
import type { BreakerOptions, RetryOptions } from '../../client/client-types.ts';
import { resolveRetryOptions } from '../../client/retry/resolve-retry-options.ts';
import { DEFAULT_WHEEL_RESOLUTION_MS } from '../../client/timeout/timer-wheel.ts';
import { virtualClient } from '../client/virtual-client.ts';
import { invariant } from '../invariant-violation.ts';
import { backoffBounds } from './backoff-bounds.ts';

export interface ComposedOptions {
  retry: RetryOptions;
  breaker: BreakerOptions;
  timeoutMs: number;
  deadlineMs: number;
}

export interface ComposedCall {
  gapMs: number;
  method: 'GET' | 'PUT';
  /** What upstream answers to successive attempts (status after durationMs); past the end: 200. */
  attempts: Array<{ status: number; durationMs: number }>;
}

const callsArbitrary: fc.Arbitrary<ComposedCall[]> = fc.array(
  fc.record({
    gapMs: fc.integer({ min: 0, max: 400 }),
    method: fc.constantFrom<'GET' | 'PUT'>('GET', 'PUT'),
    attempts: fc.array(
      fc.record({
        status: fc.oneof(
          { weight: 4, arbitrary: fc.constant(503) },
          { weight: 1, arbitrary: fc.constantFrom(200, 404, 429, 500, 502) },
        ),
        // Scaled to the timeout below: some attempts outlive it.
        durationMs: fc.double({ min: 0, max: 1.5, noNaN: true }),
      }),
      { maxLength: 6 },
    ),
  }),
  { minLength: 1, maxLength: 25 },
);

/**
 * Breaker, retry, backoff, timeout and deadline together, driven through the REAL client
 * (its own attempt loop, createClient with only these policies) on a manual clock, over a
 * series of calls. Judged from the upstream's side (when each attempt arrived) and from
 * what the caller saw:
 * - no attempt reaches the upstream while the circuit is open or isolated;
 * - a call that starts on an open circuit is answered at once with FAULTLINE_BREAKER_OPEN,
 *   without an attempt and without a backoff sleep: a short-circuit is never retried;
 * - a call makes at most maxAttempts attempts and ends within its deadline (the deadline
 *   covers the backoff sleeps; an attempt's timeout may fire one timer-wheel resolution late);
 * - every backoff delay lies within its jitter's bounds (never above maxDelayMs), and the
 *   next attempt does not arrive before the delay has passed.
 */
export function compositionProperty(
  options: fc.Arbitrary<ComposedOptions>,
): fc.IAsyncPropertyWithHooks<[ComposedOptions, ComposedCall[], number]> {
  return fc.asyncProperty(options, callsArbitrary, fc.integer(), async (o, calls, seed) => {
    const retry = resolveRetryOptions(o.retry);
    let script: ComposedCall['attempts'] = [];
    let firstWire = 0;
    let openAttempt: string | undefined;
    const v = virtualClient(
      {
        service: 'check',
        retry: o.retry,
        breaker: o.breaker,
        timeoutMs: o.timeoutMs,
        deadlineMs: o.deadlineMs,
        seed,
      },
      (n) => {
        const planned = script[n - 1 - firstWire];
        return planned === undefined
          ? { status: 200, durationMs: 1 }
          : { status: planned.status, durationMs: planned.durationMs * o.timeoutMs };
      },
      (client) => {
        const state = client.breaker.state;
        if (state === 'open' || state === 'isolated')
          openAttempt ??= `an attempt reached the upstream while the circuit was ${state}`;
      },
    );
    const delays: number[] = [];
    v.client.onRetry((e) => delays.push(e.delayMs));
    try {
      for (const [index, call] of calls.entries()) {
        await v.idle(call.gapMs);
        script = call.attempts;
        firstWire = v.wire.length;
        delays.length = 0;
        const stateBefore = v.client.breaker.state;
        const end = await v.call({ method: call.method, path: '/check' });
        const arrivals = v.wire.slice(firstWire);
        const where = `call ${index} (${call.method}, circuit ${stateBefore})`;
        invariant(openAttempt === undefined, `${where}: ${openAttempt}`);
        if (stateBefore === 'open' || stateBefore === 'isolated') {
          invariant(
            end.code === 'FAULTLINE_BREAKER_OPEN' && arrivals.length === 0 && end.elapsedMs === 0,
            `${where}: an open circuit must answer at once with FAULTLINE_BREAKER_OPEN; got ${end.code ?? end.status} ` +
              `after ${end.elapsedMs} ms and ${arrivals.length} attempts (a short-circuit was retried?)`,
          );
        }
        invariant(
          arrivals.length <= retry.maxAttempts,
          `${where}: ${arrivals.length} attempts reached the upstream, maxAttempts is ${retry.maxAttempts}`,
        );
        // Timeouts ride the client's timer wheel, which fires up to one resolution late by design.
        invariant(
          end.elapsedMs <= o.deadlineMs + DEFAULT_WHEEL_RESOLUTION_MS,
          `${where} took ${end.elapsedMs} ms, deadline is ${o.deadlineMs} ms (+${DEFAULT_WHEEL_RESOLUTION_MS} ms timer ` +
            'resolution): backoff sleeps past the deadline?',
        );
        let previous = 0;
        for (const [k, delay] of delays.entries()) {
          const [low, high] = backoffBounds(retry, k + 1, previous);
          invariant(
            delay >= low - 1e-9 && delay <= high + 1e-9,
            `${where}: backoff before attempt ${k + 2} was ${delay} ms, ${retry.jitter} jitter allows [${low}, ${high}] ms`,
          );
          const next = arrivals[k + 1];
          if (next !== undefined) {
            invariant(
              next - arrivals[k]! >= delay - 1e-9,
              `${where}: attempt ${k + 2} arrived ${next - arrivals[k]!} ms after attempt ${k + 1}, before its ${delay} ms backoff`,
            );
          }
          previous = delay;
        }
      }
    } finally {
      await v.close();
    }
  });
}
