import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../time/manual-clock.ts';
import type { BreakerStateChangeEvent, ResilientClient, RetryEvent } from './client-types.ts';
import { createClient } from './create-client.ts';

// The client's own pipeline on a ManualClock: undici's MockAgent stands in for the network
// (no socket), so every wait (backoff, breaker reset, timeout) happens only when the test
// advances the clock.
const origin = 'http://service.test';
let agent: MockAgent | undefined;
let client: ResilientClient | undefined;

afterEach(async () => {
  await client?.close();
  await agent?.close();
  client = undefined;
  agent = undefined;
});

function mock(): MockAgent {
  const created = new MockAgent();
  created.disableNetConnect();
  agent = created;
  return created;
}

describe('createClient on a ManualClock', () => {
  it('sleeps the backoff on the injected clock before retrying', async () => {
    const clock = new ManualClock();
    const pool = mock().get(origin);
    pool.intercept({ path: '/x' }).reply(503, 'busy');
    pool.intercept({ path: '/x' }).reply(200, 'ok');
    client = createClient({
      service: 'svc',
      baseUrl: origin,
      dispatcher: agent,
      clock,
      retry: { maxAttempts: 2, baseDelayMs: 500, jitter: 'none', budget: false },
    });
    const retries: RetryEvent[] = [];
    client.onRetry((e) => retries.push(e));
    let done = false;
    const pending = client.request({ path: '/x' }).then((r) => {
      done = true;
      return r;
    });
    await clock.advance(0);
    expect(retries.map((r) => r.delayMs)).toEqual([500]);
    await clock.advance(499);
    expect(done).toBe(false);
    await clock.advance(1);
    const res = await pending;
    expect(res.text()).toBe('ok');
    expect(res.outcome.attempts).toBe(2);
    expect(res.outcome.durationMs).toBe(500);
  });

  it('half-opens after resetTimeoutMs and closes on a successful probe', async () => {
    const clock = new ManualClock();
    const pool = mock().get(origin);
    pool.intercept({ path: '/y' }).reply(500, '').times(2);
    pool.intercept({ path: '/y' }).reply(200, 'back');
    client = createClient({
      service: 'svc',
      baseUrl: origin,
      dispatcher: agent,
      clock,
      retry: false,
      breaker: { failureThreshold: 2, resetTimeoutMs: 1_000 },
    });
    const changes: BreakerStateChangeEvent[] = [];
    client.onBreakerStateChange((e) => changes.push(e));
    await expect(client.request({ path: '/y' })).rejects.toMatchObject({ code: 'FAULTLINE_HTTP_STATUS' });
    await expect(client.request({ path: '/y' })).rejects.toMatchObject({ code: 'FAULTLINE_HTTP_STATUS' });
    await expect(client.request({ path: '/y' })).rejects.toMatchObject({
      code: 'FAULTLINE_BREAKER_OPEN',
      retryAfterMs: 1_000,
    });
    await clock.advance(1_000);
    const res = await client.request({ path: '/y' });
    expect(res.text()).toBe('back');
    expect(changes.map((c) => `${c.from}->${c.to}@${c.at}`)).toEqual([
      'closed->open@0',
      'open->half-open@1000',
      'half-open->closed@1000',
    ]);
  });

  it('times an attempt out on the clock and leaves no timer behind after close()', async () => {
    const clock = new ManualClock();
    const pool = mock().get(origin);
    pool.intercept({ path: '/slow' }).reply(200, 'late').delay(2_000);
    client = createClient({
      service: 'svc',
      baseUrl: origin,
      dispatcher: agent,
      clock,
      timeoutMs: 100,
      retry: false,
    });
    const pending = client.request({ path: '/slow' });
    const failed = pending.catch((e: { code: string }) => e.code);
    await clock.advance(100);
    expect(await failed).toBe('FAULTLINE_TIMEOUT');
    await client.close();
    expect(clock.pendingTimers).toBe(0);
  });

  it('waits for a rate-limit token on the clock, up to maxWaitMs', async () => {
    const clock = new ManualClock();
    const pool = mock().get(origin);
    pool.intercept({ path: '/r' }).reply(200, 'ok').times(3);
    client = createClient({
      service: 'svc',
      baseUrl: origin,
      dispatcher: agent,
      clock,
      rateLimit: { ratePerSec: 10, burst: 1, maxWaitMs: 150 },
    });
    await client.request({ path: '/r' });
    let second = false;
    const waiting = client.request({ path: '/r' }).then(() => {
      second = true;
    });
    // The third call would wait 200 ms (behind the second): more than maxWaitMs.
    await expect(client.request({ path: '/r' })).rejects.toMatchObject({ code: 'FAULTLINE_RATE_LIMITED' });
    await clock.advance(99);
    expect(second).toBe(false);
    await clock.advance(1);
    await waiting;
    expect(second).toBe(true);
    expect(client.metrics().rateLimited).toBe(1);
  });

  it('holds a call already waiting for a token when a 429 pauses the bucket meanwhile', async () => {
    const clock = new ManualClock();
    const pool = mock().get(origin);
    const sentAt: number[] = [];
    pool.intercept({ path: '/p' }).reply(() => {
      sentAt.push(clock.now());
      return { statusCode: 429, data: 'slow down', responseOptions: { headers: { 'retry-after': '5' } } };
    });
    pool.intercept({ path: '/p' }).reply(() => {
      sentAt.push(clock.now());
      return { statusCode: 200, data: 'ok' };
    });
    client = createClient({
      service: 'svc',
      baseUrl: origin,
      dispatcher: agent,
      clock,
      retry: false,
      rateLimit: { ratePerSec: 1, burst: 1, maxWaitMs: 10_000 },
    });
    // The second call reserves the next token (due at 1000 ms) before the first one's 429
    // arrives; the 429 then pauses the bucket for 5 s, which must hold the waiter too.
    const first = client.request({ path: '/p' }).catch((err: unknown) => err);
    const second = client.request({ path: '/p' });
    await clock.advance(0);
    expect(await first).toMatchObject({ code: 'FAULTLINE_HTTP_STATUS' });
    await clock.advance(4_999);
    expect(sentAt).toEqual([0]);
    await clock.advance(5_000);
    expect((await second).status).toBe(200);
    expect(sentAt[1]).toBeGreaterThanOrEqual(5_000);
  });

  it('rejects a call queued in the bulkhead when its deadline passes', async () => {
    const clock = new ManualClock();
    const pool = mock().get(origin);
    pool.intercept({ path: '/b' }).reply(200, 'ok').delay(2_000);
    client = createClient({
      service: 'svc',
      baseUrl: origin,
      dispatcher: agent,
      clock,
      timeoutMs: 10_000,
      deadlineMs: 300,
      retry: false,
      bulkhead: { maxConcurrent: 1, maxQueue: 1 },
    });
    const first = client.request({ path: '/b', deadlineMs: 10_000 }).catch((e: { code: string }) => e.code);
    const queued = client.request({ path: '/b' }).catch((e: { code: string }) => e.code);
    await clock.advance(300);
    expect(await queued).toBe('FAULTLINE_BULKHEAD_FULL');
    expect(client.metrics().bulkheadRejected).toBe(1);
    await client.close();
    expect(await first).toBe('FAULTLINE_ABORTED');
  });

  it('reads the clock once at the start of a plain call and once when its attempt ends', async () => {
    // Issue 15: one clock reading per attempt boundary; the breaker (closed), the retry
    // budget, the breaker window and the call's duration reuse them.
    class CountingClock extends ManualClock {
      reads = 0;
      override now(): number {
        this.reads++;
        return super.now();
      }
    }
    const clock = new CountingClock();
    const pool = mock().get(origin);
    pool.intercept({ path: '/c' }).reply(200, 'ok').times(2);
    client = createClient({
      service: 'svc',
      baseUrl: origin,
      dispatcher: agent,
      clock,
      retry: { maxAttempts: 3 },
      breaker: { failureThreshold: 5 },
    });
    await client.request({ path: '/c' }); // the first call also arms the timer wheel
    clock.reads = 0;
    const res = await client.request({ path: '/c' });
    expect(res.text()).toBe('ok');
    expect(clock.reads).toBe(2);
  });

  it('rejects invalid options naming the field', () => {
    expect(() => createClient({ service: 'svc', baseUrl: 'not a url' })).toThrow(
      /baseUrl: expected an absolute/,
    );
    expect(() => createClient({ service: 'svc', baseUrl: origin, timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => createClient({ service: 'svc', baseUrl: origin, retry: { maxAttempts: 0 } })).toThrow(
      /retry.maxAttempts/,
    );
  });
});
