import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCallOutcome } from '../../../src/client/client-response.ts';
import type { CallOutcome, HttpMethod } from '../../../src/client/client-types.ts';
import { createClient } from '../../../src/client/create-client.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { ScriptedDispatcher } from './scripted-dispatcher.ts';

/**
 * Client-level property: every attempt of one call carries the same X-Request-ID (the
 * outcome's requestId) and the same Idempotency-Key; different calls never share an id;
 * the transport saw exactly outcome.attempts attempts; a POST without a key is sent once.
 */
describe('createClient: request identity across retries', () => {
  it('request id and idempotency key are stable across the attempts of a call', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            method: fc.constantFrom<HttpMethod>('GET', 'PUT', 'POST'),
            key: fc.option(fc.constantFrom('k-1', 'k-2'), { nil: undefined }),
            statuses: fc.array(fc.constantFrom(200, 500, 502, 503, 429), { maxLength: 4 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (calls) => {
          const ids = new Set<string>();
          for (const call of calls) {
            const clock = new ManualClock();
            const dispatcher = new ScriptedDispatcher(call.statuses);
            const client = createClient({
              service: 'prop',
              baseUrl: 'http://127.0.0.1:9',
              dispatcher,
              clock,
              timeoutMs: 1_000,
              deadlineMs: 60_000,
              retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, budget: false },
              breaker: false,
            });
            let outcome: CallOutcome | undefined;
            let settled = false;
            const pending = client
              .request({ method: call.method, path: '/x', idempotencyKey: call.key })
              .then(
                (r) => {
                  outcome = r.outcome;
                },
                (err) => {
                  outcome = getCallOutcome(err);
                },
              )
              .finally(() => {
                settled = true;
              });
            // Drive the manual clock until the call settles (bounded: backoff is <= 5 ms).
            for (let i = 0; i < 1_000 && !settled; i++) await clock.advance(1);
            await pending;
            await client.close();

            expect(settled).toBe(true);
            expect(outcome).toBeDefined();
            const seen = dispatcher.seen;
            expect(seen.length).toBe(outcome!.attempts);
            expect(seen.length).toBeGreaterThanOrEqual(1);
            for (const req of seen) {
              expect(req.headers['x-request-id']).toBe(outcome!.requestId);
              expect(req.headers['idempotency-key']).toBe(call.key);
            }
            if (call.method === 'POST' && call.key === undefined) expect(seen.length).toBe(1);
            expect(ids.has(outcome!.requestId)).toBe(false);
            ids.add(outcome!.requestId);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
