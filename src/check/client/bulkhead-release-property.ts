import fc from 'fast-check';
import { resolveBulkheadOptions } from '../../client/bulkhead/bulkhead.ts';
import type { ServiceClientOptions } from '../../config/resolve-service-client-options.ts';
import { invariant } from '../invariant-violation.ts';
import { virtualClient } from './virtual-client.ts';

/** More sequential calls than this are not worth a check run (the leak shows by then). */
const MAX_CALLS = 200;

const answerArbitrary = fc.record({
  status: fc.constantFrom(200, 404, 500, 503),
  /** Fraction of the timeout: above 1 the attempt times out. */
  durationMs: fc.double({ min: 0, max: 1.5, noNaN: true }),
});

/**
 * Every bulkhead slot a call takes is given back on every path (success, 4xx, 5xx, timeout,
 * breaker refusal, fallback): with the service's REAL client and its configured bulkhead,
 * more calls than it has slots, one after another, each failing or not at random. No call
 * ever waits beside another, so a refusal by the bulkhead (FAULTLINE_BULKHEAD_FULL) can only
 * mean a slot that leaked: a failure inside the bulkhead blocked the calls after it.
 */
export function bulkheadReleaseProperty(options: ServiceClientOptions) {
  const bulkhead = resolveBulkheadOptions(options.bulkhead === false ? undefined : options.bulkhead);
  const calls = Math.min(MAX_CALLS, bulkhead.maxConcurrent + bulkhead.maxQueue + 1);
  const timeoutMs = options.timeoutMs ?? 1_000;
  return fc.asyncProperty(
    fc.array(fc.array(answerArbitrary, { minLength: 1, maxLength: 4 }), {
      minLength: calls,
      maxLength: calls,
    }),
    async (script) => {
      let current: Array<{ status: number; durationMs: number }> = [];
      let first = 0;
      const v = virtualClient({ ...options, service: 'check', bulkhead }, (n) => {
        const a = current[Math.min(n - 1 - first, current.length - 1)]!;
        return { status: a.status, durationMs: a.durationMs * timeoutMs };
      });
      try {
        for (const [index, answers] of script.entries()) {
          current = answers;
          first = v.wire.length;
          const end = await v.call({ method: 'GET', path: '/check' });
          invariant(
            end.code !== 'FAULTLINE_BULKHEAD_FULL',
            `call ${index} ran alone and was refused by the bulkhead (maxConcurrent ${bulkhead.maxConcurrent}, ` +
              `maxQueue ${bulkhead.maxQueue}): a slot of an earlier call was never given back`,
          );
        }
      } finally {
        await v.close();
      }
    },
  );
}
