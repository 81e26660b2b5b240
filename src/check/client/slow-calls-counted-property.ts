import fc from 'fast-check';
import type { ResolvedBreakerOptions } from '../../client/breaker/resolve-breaker-options.ts';
import type { ServiceClientOptions } from '../../config/resolve-service-client-options.ts';
import { invariant } from '../invariant-violation.ts';
import { virtualClient } from './virtual-client.ts';

/**
 * Slow calls are counted: with the service's REAL client and its slow-call-rate breaker,
 * `minimumCalls` successful calls in a row, each at least `slowCallDurationMs` long (and
 * within the timeout), arriving within one `windowMs`, open the circuit: a dependency that
 * answers 200 too slowly is still a failing dependency. Fails (never passes vacuously) when
 * such calls cannot fit in the timeout and the window.
 */
export function slowCallsCountedProperty(options: ServiceClientOptions, breaker: ResolvedBreakerOptions) {
  const timeoutMs = options.timeoutMs ?? 1_000;
  const deadlineMs = options.deadlineMs ?? 30_000;
  const slow = breaker.slowCallDurationMs;
  const calls = breaker.minimumCalls;
  // Calls of slow..longest ms, one after another, all within one window and the timeout.
  const longest = Math.min(timeoutMs, deadlineMs, breaker.windowMs / calls) - 1;
  return fc.asyncProperty(
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: calls, maxLength: calls }),
    async (fractions) => {
      invariant(
        longest >= slow,
        `minimumCalls ${calls} calls of slowCallDurationMs ${slow} ms cannot finish within timeoutMs ${timeoutMs} ` +
          `and windowMs ${breaker.windowMs}: the slow-call breaker can never open`,
      );
      let n = 0;
      const v = virtualClient({ ...options, service: 'check', breaker, fallback: undefined }, () => ({
        status: 200,
        durationMs: slow + (fractions[Math.min(n++, calls - 1)] ?? 0) * (longest - slow),
      }));
      try {
        for (let i = 0; i < calls; i++) await v.call({ method: 'GET', path: '/check' });
        invariant(
          v.client.breaker.state === 'open',
          `${calls} calls answered 200 in ${slow}..${longest} ms (slowCallDurationMs ${slow}) within ` +
            `${breaker.windowMs} ms left the breaker ${v.client.breaker.state}: slow calls were not counted`,
        );
      } finally {
        await v.close();
      }
    },
  );
}
