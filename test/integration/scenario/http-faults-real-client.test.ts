import { describe, expect, it } from 'vitest';
import type { ClientOptions } from '../../../src/client/client-types.ts';
import { createClient } from '../../../src/client/create-client.ts';
import { InProcessDispatcher } from '../../../src/scenario/dispatch/in-process-dispatcher.ts';
import { createHttpFaultInterceptor } from '../../../src/scenario/faults/http/create-http-fault-interceptor.ts';
import { HttpFaultSet } from '../../../src/scenario/faults/http/http-fault-set.ts';
import type { HttpFaultSpec } from '../../../src/scenario/faults/http/http-fault-spec.ts';
import { toCallRecord } from '../../../src/scenario/load/to-call-record.ts';
import { runInVirtualTime } from '../../../src/scenario/virtual/run-in-virtual-time.ts';
import { createServiceHandler } from '../../../src/services/create-service-handler.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { deriveRandom } from '../../../src/time/random.ts';

/**
 * Each http fault effect as the reference client sees it: the client runs its real code
 * path (retries, timeouts, breaker) over the fault interceptor and the search service's
 * in-process handler, in virtual time.
 */
async function call(faults: HttpFaultSpec[], client: Partial<ClientOptions> = {}) {
  const clock = new ManualClock();
  const set = new HttpFaultSet({ clock, random: deriveRandom(1, 'http-faults') });
  set.apply(faults);
  const resilient = createClient({
    service: 'search',
    baseUrl: 'http://search.virtual',
    clock,
    seed: 1,
    timeoutMs: 500,
    deadlineMs: 2000,
    retry: { maxAttempts: 2, baseDelayMs: 10, jitter: 'none', budget: false },
    breaker: false,
    dispatcher: new InProcessDispatcher(createServiceHandler('search')),
    interceptors: [createHttpFaultInterceptor(set)],
    ...client,
  });
  const startedAt = clock.now();
  try {
    const result = await runInVirtualTime(
      clock,
      resilient.request({ path: '/v1/search', query: { q: 'retry' } }).then(
        (response) => ({ response }),
        (error: unknown) => ({ error }),
      ),
    );
    const record = toCallRecord(result, {
      scenario: 's',
      phase: 'p',
      t: 0,
      latencyMs: clock.now() - startedAt,
      deadlineMs: 2000,
      deadlineSlackMs: 0,
      breakerState: 'closed',
    });
    return { record, elapsed: clock.now() - startedAt };
  } finally {
    await resilient.close();
  }
}

describe('http faults observed by the reference client', () => {
  it('passes a healthy request through to the service', async () => {
    const { record } = await call([]);
    expect(record).toMatchObject({ outcome: 'ok', status: 200, attempts: 1 });
  });

  it('retries an injected 503 after its Retry-After and succeeds once the burst is over', async () => {
    const { record, elapsed } = await call([{ status: 503, retryAfter: 1, firstN: 1 }]);
    expect(record).toMatchObject({ outcome: 'ok', status: 200, attempts: 2 });
    expect(elapsed).toBeGreaterThanOrEqual(1000);
  });

  it('fails with the injected status when every attempt gets it', async () => {
    const { record } = await call([{ status: 502 }]);
    expect(record).toMatchObject({
      outcome: 'failed',
      status: 502,
      attempts: 2,
      errorCode: 'FAULTLINE_HTTP_STATUS',
    });
  });

  it('sees a connection reset as a network error and retries it', async () => {
    const { record } = await call([{ networkError: true }]);
    expect(record).toMatchObject({ outcome: 'failed', attempts: 2, errorCode: 'FAULTLINE_NETWORK' });
  });

  it('times out an attempt delayed beyond its timeout: outcome unknown', async () => {
    const { record, elapsed } = await call([{ delayMs: 10_000 }]);
    expect(record.outcome).toBe('unknown');
    expect(record.errorCode).toMatch(/FAULTLINE_(TIMEOUT|DEADLINE_EXCEEDED)/);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(record.deadlineExceeded).toBe(false);
  });

  it('adds a delay drawn from a distribution below the timeout', async () => {
    const { record, elapsed } = await call([{ delayMs: { normal: { mean: 200, stddev: 20 } } }]);
    expect(record.outcome).toBe('ok');
    expect(elapsed).toBeGreaterThan(100);
    expect(elapsed).toBeLessThan(500);
  });

  it('fails a truncated body with a network error', async () => {
    const { record } = await call([{ truncateBody: { bytes: 5 } }], { retry: false });
    expect(record).toMatchObject({ outcome: 'failed', errorCode: 'FAULTLINE_NETWORK' });
  });

  it('records a malformed body as an invalid response', async () => {
    const { record } = await call([{ malformedBody: true }]);
    expect(record).toMatchObject({ outcome: 'failed', status: 200, errorCode: 'FAULTLINE_INVALID_RESPONSE' });
  });

  it('times out a body slower than the timeout allows', async () => {
    const { record } = await call([{ slowBody: { bytesPerSec: 20 } }]);
    expect(record.outcome).toBe('unknown');
    expect(record.attempts).toBe(2);
  });
});
