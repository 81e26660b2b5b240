import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResilientClient } from '../../../src/client/client-types.ts';
import { createClient } from '../../../src/client/create-client.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { errorOf, type LoopbackServer, startHttpServer } from './loopback-server.ts';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

async function server(handler: Parameters<typeof startHttpServer>[0]): Promise<LoopbackServer> {
  const s = await startHttpServer(handler);
  cleanup.push(() => s.close());
  return s;
}

function track(client: ResilientClient): ResilientClient {
  cleanup.push(() => client.close());
  return client;
}

describe('client hedging', () => {
  it('sends a hedge after the delay; the first success wins and the loser is cancelled', async () => {
    const held: ServerResponse[] = [];
    let loserClosed!: (early: boolean) => void;
    const loserClosedEarly = new Promise<boolean>((resolve) => {
      loserClosed = resolve;
    });
    const s = await server((_req, res, hit) => {
      if (hit === 1) {
        // the first request hangs: only the hedge can answer
        held.push(res);
        res.on('close', () => loserClosed(!res.writableFinished));
        return;
      }
      res.end(`answer ${hit}`);
    });
    const clock = new ManualClock();
    const client = track(
      createClient({
        service: 'hedged',
        baseUrl: s.url,
        hedging: { delayMs: 50 },
        retry: { maxAttempts: 1 },
        clock,
      }),
    );
    const call = client.request({ path: '/slow' });
    await s.hitsReached(1);
    await clock.advance(50);
    const res = await call;
    expect(res.text()).toBe('answer 2');
    expect(s.hits).toBe(2);
    expect(await loserClosedEarly).toBe(true);
    expect(res.outcome.attempts).toBe(1);
  });

  it('with a p95 delay, hedges only once minSamples latencies were observed', async () => {
    let hang = false;
    const s = await server((_req, res, hit) => {
      if (hang && hit === 4) return; // the 4th request hangs: only a hedge can answer it
      res.end(`answer ${hit}`);
    });
    const clock = new ManualClock();
    const client = track(
      createClient({
        service: 'p95',
        baseUrl: s.url,
        hedging: { delayMs: 'p95', minSamples: 3, minDelayMs: 5 },
        retry: { maxAttempts: 1 },
        clock,
      }),
    );
    for (let i = 0; i < 3; i++) await client.request({ path: '/' });
    hang = true;
    const call = client.request({ path: '/' });
    await s.hitsReached(4);
    await clock.advance(5);
    expect((await call).text()).toBe('answer 5');
  });

  it('does not hedge a POST without an idempotency key, nor when the retry budget is spent', async () => {
    const s = await server((_req, res, hit) => {
      setTimeout(() => res.end(`answer ${hit}`), 30);
    });
    const clock = new ManualClock();
    const client = track(
      createClient({
        service: 'no-hedge',
        baseUrl: s.url,
        hedging: { delayMs: 10 },
        retry: { maxAttempts: 1, budget: { ratio: 0, minRetriesPerWindow: 0 } },
        clock,
      }),
    );
    const post = client.request({ method: 'POST', path: '/', json: {} });
    await s.hitsReached(1);
    await clock.advance(10);
    expect((await post).text()).toBe('answer 1');
    const get = client.request({ path: '/' });
    await s.hitsReached(2);
    await clock.advance(10);
    expect((await get).text()).toBe('answer 2');
    expect(s.hits).toBe(2);
  });
});

describe('client auth', () => {
  it('OAuth2: a 401 refreshes the token once and retries once', async () => {
    const token = await server((_req, res, hit) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: `tok-${hit}`, expires_in: 3600 }));
    });
    const seen: string[] = [];
    // The API has already revoked tok-1: only tok-2 is accepted.
    const api = await server((req, res) => {
      seen.push(String(req.headers.authorization));
      if (req.headers.authorization === 'Bearer tok-2') res.end('ok');
      else res.writeHead(401).end();
    });
    const client = track(
      createClient({
        service: 'oauth',
        baseUrl: api.url,
        retry: false,
        auth: {
          kind: 'oauth2-client-credentials',
          tokenUrl: `${token.url}/token`,
          clientId: 'id',
          clientSecret: 'client-secret-value',
        },
        clock: new ManualClock(),
      }),
    );
    expect((await client.request({ path: '/' })).text()).toBe('ok');
    expect(seen).toEqual(['Bearer tok-1', 'Bearer tok-2']);
    expect(token.hits).toBe(2);
    // cached afterwards
    await Promise.all([client.request({ path: '/' }), client.request({ path: '/' })]);
    expect(token.hits).toBe(2);
  });

  it('a second 401 is final: one refresh per attempt, never a loop', async () => {
    const token = await server((_req, res, hit) => {
      res.end(JSON.stringify({ access_token: `tok-${hit}`, expires_in: 3600 }));
    });
    const api = await server((_req, res) => res.writeHead(401).end());
    const client = track(
      createClient({
        service: 'oauth-denied',
        baseUrl: api.url,
        retry: false,
        auth: {
          kind: 'oauth2-client-credentials',
          tokenUrl: token.url,
          clientId: 'id',
          clientSecret: 'x-secret',
        },
        clock: new ManualClock(),
      }),
    );
    const res = await client.request({ path: '/' }).catch((e: unknown) => e);
    expect((res as { status?: number }).status).toBe(401);
    expect(api.hits).toBe(2);
    expect(token.hits).toBe(2);
  });

  it('api key, bearer and basic credentials reach the server', async () => {
    const seen: Array<string | undefined> = [];
    const s = await server((req, res) => {
      seen.push(req.headers['x-api-key'] as string | undefined, req.headers.authorization);
      res.end();
    });
    for (const auth of [
      { kind: 'api-key', key: 'k-123' },
      { kind: 'bearer', token: 't-456' },
      { kind: 'basic', username: 'u', password: 'p' },
    ] as const) {
      const client = track(createClient({ service: 'static', baseUrl: s.url, auth }));
      await client.request({ path: '/' });
    }
    expect(seen).toEqual([
      'k-123',
      undefined,
      undefined,
      'Bearer t-456',
      undefined,
      `Basic ${Buffer.from('u:p').toString('base64')}`,
    ]);
  });

  it('a dead token endpoint fails the call with FAULTLINE_AUTH_TOKEN', async () => {
    const api = await server((_req, res) => res.end());
    const client = track(
      createClient({
        service: 'no-token',
        baseUrl: api.url,
        retry: false,
        breaker: false,
        auth: {
          kind: 'oauth2-client-credentials',
          tokenUrl: 'http://127.0.0.1:1/token',
          clientId: 'id',
          clientSecret: 's3cret-value',
        },
      }),
    );
    const err = await errorOf(client.request({ path: '/' }));
    expect(err.code).toBe('FAULTLINE_AUTH_TOKEN');
    expect(err.message).not.toContain('s3cret-value');
    expect(api.hits).toBe(0);
  });
});
