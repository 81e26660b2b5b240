import fc from 'fast-check';
import type { ResolvedRateLimitOptions } from '../../client/rate-limit/token-bucket.ts';
import type { ServiceClientOptions } from '../../config/resolve-service-client-options.ts';
import { runInVirtualTime } from '../../scenario/virtual/run-in-virtual-time.ts';
import { invariant } from '../invariant-violation.ts';
import { virtualClient } from './virtual-client.ts';

/** Largest burst of concurrent calls a run fires. */
const MAX_BURST = 100;

/**
 * A burst after idling stays within the rate limit: with the service's REAL client and its
 * configured token bucket, a first burst of calls, then an idle pause of any length, then a
 * second burst all at one instant. From the start of the second burst, the requests that
 * reach the upstream by any time t never exceed `burst + ratePerSec x (t - start)`: idling
 * refills the bucket up to `burst`, never beyond (a bucket that banks its idle time lets a
 * whole stampede through at once).
 */
export function burstAfterIdleProperty(options: ServiceClientOptions, limit: ResolvedRateLimitOptions) {
  const largest = Math.min(MAX_BURST, Math.ceil(limit.burst) * 3 + 5);
  return fc.asyncProperty(
    fc.integer({ min: 1, max: largest }),
    fc.integer({ min: 0, max: 120_000 }),
    fc.integer({ min: 1, max: largest }),
    async (first, idleMs, second) => {
      const v = virtualClient({ ...options, service: 'check', rateLimit: limit }, () => ({
        status: 200,
        durationMs: 1,
      }));
      const burst = (n: number) =>
        runInVirtualTime(
          v.clock,
          Promise.allSettled(
            Array.from({ length: n }, () => v.client.request({ method: 'GET', path: '/check' })),
          ),
        );
      try {
        await burst(first);
        await v.idle(idleMs);
        const start = v.clock.now();
        const before = v.wire.length;
        await burst(second);
        const arrivals = v.wire.slice(before);
        for (const [i, t] of arrivals.entries()) {
          const allowed = limit.burst + (limit.ratePerSec * (t - start)) / 1_000;
          invariant(
            i + 1 <= allowed + 1e-9,
            `after ${idleMs} ms idle, ${i + 1} requests of a burst of ${second} reached the upstream within ` +
              `${t - start} ms; burst ${limit.burst} + ratePerSec ${limit.ratePerSec} allow ${Math.floor(allowed)}: ` +
              'the bucket refilled beyond its burst while idle',
          );
        }
      } finally {
        await v.close();
      }
    },
  );
}
