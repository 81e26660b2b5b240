import { describe, expect, it } from 'vitest';
import { getCallOutcome } from '../../../src/client/client-response.ts';
import type { RetryEvent } from '../../../src/client/client-types.ts';
import { createClient } from '../../../src/client/create-client.ts';
import { closeAfterEach } from '../../support/close-after-each.ts';
import { errorOf, startHttpServer } from './loopback-server.ts';

const closeLater = closeAfterEach();

const quickRetry = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5_000, budget: false } as const;

describe('client retries', () => {
  it('waits at least Retry-After (seconds) on a 503 and succeeds on the retry with the same request id', async () => {
    const server = closeLater(
      await startHttpServer((_req, res, hit) => {
        if (hit === 1) res.writeHead(503, { 'retry-after': '1' }).end('busy');
        else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }),
    );
    const client = closeLater(
      createClient({ service: 'retry-after', baseUrl: server.url, retry: quickRetry, breaker: false }),
    );
    const retries: RetryEvent[] = [];
    client.onRetry((e) => retries.push(e));
    const res = await client.request({ path: '/v1/x' });
    expect(res.json()).toEqual({ ok: true });
    expect(res.outcome.attempts).toBe(2);
    expect(res.outcome.lastErrorCode).toBe('FAULTLINE_HTTP_STATUS');
    expect(retries).toHaveLength(1);
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(1_000);
    expect(retries[0]!.reason).toBe('HTTP 503');
    const [first, second] = server.requests;
    expect(first!['x-request-id']).toBe(res.outcome.requestId);
    expect(second!['x-request-id']).toBe(res.outcome.requestId);
    expect(first!['x-retry-attempt']).toBeUndefined();
    expect(second!['x-retry-attempt']).toBe('1');
  });

  it('honours a Retry-After HTTP-date', async () => {
    const server = closeLater(
      await startHttpServer((_req, res, hit) => {
        if (hit === 1)
          res.writeHead(503, { 'retry-after': new Date(Date.now() + 2_000).toUTCString() }).end();
        else res.writeHead(204).end();
      }),
    );
    const client = closeLater(
      createClient({ service: 'retry-date', baseUrl: server.url, retry: quickRetry, breaker: false }),
    );
    const retries: RetryEvent[] = [];
    client.onRetry((e) => retries.push(e));
    const res = await client.request({ path: '/' });
    expect(res.status).toBe(204);
    // HTTP-dates have 1 s resolution: the wait is between 1 and 2 s.
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(900);
  });

  it('retries 429 up to maxAttempts, then throws HttpStatusError; 429 does not trip the breaker', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(429).end('slow down')));
    const client = closeLater(
      createClient({
        service: 'throttled',
        baseUrl: server.url,
        retry: quickRetry,
        breaker: { failureThreshold: 1 },
      }),
    );
    const err = await errorOf(client.request({ path: '/' }));
    expect(err.code).toBe('FAULTLINE_HTTP_STATUS');
    expect(err.status).toBe(429);
    expect(new TextDecoder().decode((err.response as { body: Uint8Array }).body)).toBe('slow down');
    expect(server.hits).toBe(3);
    expect(client.breaker.state).toBe('closed');
  });

  it('resolves a 404 at once: not retried, not a failure', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(404).end()));
    const client = closeLater(createClient({ service: 'missing', baseUrl: server.url, retry: quickRetry }));
    const res = await client.request({ path: '/nope' });
    expect(res.status).toBe(404);
    expect(server.hits).toBe(1);
    expect(client.metrics()).toMatchObject({ calls: 1, successes: 1, failures: 0 });
  });

  it('retries a POST only with an idempotency key, sending the same key on every attempt', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(503).end()));
    const client = closeLater(
      createClient({ service: 'post', baseUrl: server.url, retry: quickRetry, breaker: false }),
    );
    await errorOf(client.request({ method: 'POST', path: '/v1/send', json: { to: 'a' } }));
    expect(server.hits).toBe(1);
    const err = await errorOf(
      client.request({ method: 'POST', path: '/v1/send', json: { to: 'a' }, idempotencyKey: 'key-1' }),
    );
    expect(getCallOutcome(err)?.attempts).toBe(3);
    expect(server.hits).toBe(4);
    expect(server.requests.slice(1).map((h) => h['idempotency-key'])).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('stops retrying when the retry budget is spent', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(503).end()));
    const client = closeLater(
      createClient({
        service: 'budget',
        baseUrl: server.url,
        retry: {
          maxAttempts: 3,
          baseDelayMs: 1,
          budget: { ratio: 0, minRetriesPerWindow: 1, windowMs: 60_000 },
        },
        breaker: false,
      }),
    );
    const first = await errorOf(client.request({ path: '/' }));
    expect(first.code).toBe('FAULTLINE_RETRY_BUDGET_EXHAUSTED');
    expect((first.cause as { code?: string }).code).toBe('FAULTLINE_HTTP_STATUS');
    expect(server.hits).toBe(2); // the one budgeted retry, then no more
    expect(client.metrics().budgetExhausted).toBe(1);
  });
});
