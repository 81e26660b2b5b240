import { describe, expect, it } from 'vitest';
import { getCallOutcome } from '../../../src/client/client-response.ts';
import { createClient } from '../../../src/client/create-client.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { closeAfterEach } from '../../support/close-after-each.ts';
import { errorOf, startHttpServer, startTcpServer } from './loopback-server.ts';

const closeLater = closeAfterEach();

describe('client timeouts against misbehaving servers', () => {
  it('times out an attempt whose headers never come, and retries it', async () => {
    const server = closeLater(
      await startHttpServer(() => {
        /* never answers */
      }),
    );
    const clock = new ManualClock();
    const client = closeLater(
      createClient({
        service: 'slow-headers',
        baseUrl: server.url,
        timeoutMs: 80,
        retry: { maxAttempts: 2, baseDelayMs: 1, budget: false },
        breaker: false,
        clock,
      }),
    );
    const failed = errorOf(client.request({ path: '/v1/x' }));
    // Each attempt times out only once the server holds it; the 1 ms backoff falls due on the way.
    await server.hitsReached(1);
    await clock.advance(100);
    await server.hitsReached(2);
    await clock.advance(100);
    const err = await failed;
    expect(err.code).toBe('FAULTLINE_TIMEOUT');
    expect(getCallOutcome(err)?.attempts).toBe(2);
    expect(server.hits).toBe(2);
  });

  it('times out a body that trickles slower than the attempt timeout', async () => {
    const timers: NodeJS.Timeout[] = [];
    const server = closeLater(
      await startHttpServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
        res.write('x');
        timers.push(setTimeout(() => res.write('y'), 30));
      }),
    );
    const client = closeLater(
      createClient({ service: 'slow-body', baseUrl: server.url, timeoutMs: 100, retry: false }),
    );
    const err = await errorOf(client.request({ path: '/' }));
    for (const t of timers) clearTimeout(t);
    expect(err.code).toBe('FAULTLINE_TIMEOUT');
    // The aborted stream closes its socket: nothing is left half-read in the pool.
    await server.socketsClosed(1);
    expect(server.closed).toBeGreaterThanOrEqual(1);
  });

  it('times out a server that accepts the connection and never answers', async () => {
    const server = closeLater(
      await startTcpServer(() => {
        /* accept, read nothing, answer nothing */
      }),
    );
    const clock = new ManualClock();
    const client = closeLater(
      createClient({ service: 'black-hole', baseUrl: server.url, timeoutMs: 60, retry: false, clock }),
    );
    const failed = errorOf(client.request({ path: '/' }));
    await server.hitsReached(1);
    // One connection accepted when the timeout fires. (Counted here, not after the error:
    // undici opens a fresh connection once the aborted one is destroyed.)
    expect(server.connections).toBe(1);
    await clock.advance(70);
    const err = await failed;
    expect(err.code).toBe('FAULTLINE_TIMEOUT');
    expect(err.message).toContain('timeoutMs=60');
  });

  it('cuts an attempt to what is left of the deadline and reports DEADLINE_EXCEEDED', async () => {
    const server = closeLater(
      await startHttpServer(() => {
        /* never answers */
      }),
    );
    const clock = new ManualClock();
    const client = closeLater(
      createClient({
        service: 'deadline',
        baseUrl: server.url,
        timeoutMs: 5_000,
        deadlineMs: 120,
        retry: { maxAttempts: 10, baseDelayMs: 1, budget: false },
        breaker: false,
        clock,
      }),
    );
    const failed = errorOf(client.request({ path: '/' }));
    await server.hitsReached(1);
    await clock.advance(130);
    const err = await failed;
    expect(err.code).toBe('FAULTLINE_DEADLINE_EXCEEDED');
    expect((err.cause as { code?: string }).code).toBe('FAULTLINE_TIMEOUT');
    expect(server.hits).toBe(1); // a deadline is not retried
    expect(getCallOutcome(err)?.durationMs).toBeGreaterThanOrEqual(120);
  });

  it('counts backoff against the deadline: no retry whose wait would cross it', async () => {
    const server = closeLater(
      await startHttpServer((_req, res) => res.writeHead(503, { 'retry-after': '2' }).end()),
    );
    const client = closeLater(
      createClient({
        service: 'deadline-backoff',
        baseUrl: server.url,
        deadlineMs: 1_000,
        retry: { maxAttempts: 5, baseDelayMs: 1, budget: false },
        breaker: false,
      }),
    );
    const err = await errorOf(client.request({ path: '/' }));
    expect(err.code).toBe('FAULTLINE_HTTP_STATUS');
    expect(server.hits).toBe(1);
  });

  it('aborts on the caller signal without counting a breaker failure', async () => {
    const server = closeLater(
      await startHttpServer(() => {
        /* never answers */
      }),
    );
    const client = closeLater(
      createClient({
        service: 'abort',
        baseUrl: server.url,
        timeoutMs: 5_000,
        breaker: { failureThreshold: 1 },
      }),
    );
    const controller = new AbortController();
    const pending = client.request({ path: '/', signal: controller.signal });
    await server.hitsReached(1);
    controller.abort(new Error('user cancelled'));
    const err = await errorOf(pending);
    expect(err.code).toBe('FAULTLINE_ABORTED');
    expect(client.breaker.state).toBe('closed');
    expect(server.hits).toBe(1);
  });
});
