import fc from 'fast-check';
import { getCallOutcome } from '../../client/client-response.ts';
import type { CallOutcome } from '../../client/client-types.ts';
import { createClient } from '../../client/create-client.ts';
import type { ServiceClientOptions } from '../../config/resolve-service-client-options.ts';
import { InProcessDispatcher } from '../../scenario/dispatch/in-process-dispatcher.ts';
import { runInVirtualTime } from '../../scenario/virtual/run-in-virtual-time.ts';
import { ManualClock } from '../../time/manual-clock.ts';
import { invariant } from '../invariant-violation.ts';

/** Answers that say "this request is wrong": repeating it cannot help. */
const NON_RETRYABLE = [400, 401, 404, 422] as const;

interface ScriptedCall {
  method: 'GET' | 'POST';
  /** What the upstream answers to this call's first attempt (later attempts: the same). */
  status: number;
}

const callsArbitrary: fc.Arbitrary<ScriptedCall[]> = fc.array(
  fc.record({
    method: fc.constantFrom<'GET' | 'POST'>('GET', 'POST'),
    status: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...NON_RETRYABLE) },
      { weight: 1, arbitrary: fc.constant(200) },
    ),
  }),
  { minLength: 1, maxLength: 30 },
);

/**
 * The service's REAL client (its configured retry, breaker, fallback, timeouts), in virtual
 * time, against an upstream that answers each call a scripted status. For any sequence of
 * 400/401/404/422 answers (mixed with 200s):
 * - a non-retryable answer is final: exactly one attempt reaches the upstream;
 * - no fallback is served for it: the caller sees the status;
 * - it never counts as a breaker failure: the breaker stays closed.
 * It drives the client's own loop, so a bug anywhere in it (a classifier, the fallback's
 * trigger, the breaker's outcome mapping) shows here.
 */
export function nonRetryableAnswersProperty(
  options: ServiceClientOptions,
): fc.IAsyncPropertyWithHooks<[ScriptedCall[]]> {
  return fc.asyncProperty(callsArbitrary, async (calls) => {
    const clock = new ManualClock();
    let current: ScriptedCall = calls[0]!;
    let attempts = 0;
    const dispatcher = new InProcessDispatcher(async () => {
      attempts++;
      return {
        status: current.status,
        headers: { 'content-type': 'application/json' },
        body: current.status === 200 ? '{"ok":true}' : '{"error":{"code":"invalid_request"}}',
      };
    });
    const client = createClient({ ...options, baseUrl: 'http://check.virtual', clock, seed: 1, dispatcher });
    try {
      for (const [index, call] of calls.entries()) {
        current = call;
        attempts = 0;
        const result = await runInVirtualTime(
          clock,
          client
            .request({
              method: call.method,
              path: '/check',
              ...(call.method === 'POST' ? { json: {}, idempotencyKey: `k-${index}` } : {}),
            })
            .then(
              (r) => ({ status: r.status, outcome: r.outcome as CallOutcome | undefined }),
              (err: unknown) => ({
                status: (err as { status?: number }).status,
                outcome: getCallOutcome(err),
              }),
            ),
        );
        if (call.status === 200) continue;
        const where = `call ${index} (${call.method} answered ${call.status})`;
        invariant(attempts === 1, `${where}: a non-retryable answer was retried (${attempts} attempts)`);
        invariant(
          result.outcome?.fallback === undefined,
          `${where}: a ${result.outcome?.fallback} fallback was served for a non-retryable answer`,
        );
        invariant(
          client.breaker === undefined || client.breaker.state === 'closed',
          `${where}: the breaker is ${client.breaker?.state}: a ${call.status} counted as a failure of the dependency`,
        );
      }
    } finally {
      await client.close();
    }
  });
}
