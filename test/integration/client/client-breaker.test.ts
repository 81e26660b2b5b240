import { describe, expect, it } from 'vitest';
import { getCallOutcome } from '../../../src/client/client-response.ts';
import type { BreakerStateChangeEvent } from '../../../src/client/client-types.ts';
import { createClient } from '../../../src/client/create-client.ts';
import { BreakerOpenError } from '../../../src/errors/breaker-open-error.ts';
import { closeAfterEach } from '../../support/close-after-each.ts';
import { errorOf, startHttpServer } from './loopback-server.ts';

const closeLater = closeAfterEach();

describe('client breaker', () => {
  it('opens after failureThreshold failed calls and then short-circuits with no network call', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(500).end()));
    const client = closeLater(
      createClient({
        service: 'broken',
        baseUrl: server.url,
        retry: false,
        breaker: { failureThreshold: 3, resetTimeoutMs: 60_000 },
      }),
    );
    const changes: BreakerStateChangeEvent[] = [];
    client.onBreakerStateChange((e) => changes.push(e));
    for (let i = 0; i < 3; i++)
      expect((await errorOf(client.request({ path: '/' }))).code).toBe('FAULTLINE_HTTP_STATUS');
    expect(client.breaker.state).toBe('open');
    const err = await errorOf(client.request({ path: '/' }));
    expect(err).toBeInstanceOf(BreakerOpenError);
    expect(err.code).toBe('FAULTLINE_BREAKER_OPEN');
    expect(getCallOutcome(err)).toMatchObject({ attempts: 0, shortCircuited: true, breakerState: 'open' });
    expect(server.hits).toBe(3);
    expect(changes.map((c) => [c.from, c.to])).toEqual([['closed', 'open']]);
    expect(client.metrics()).toMatchObject({ shortCircuits: 1, breakerTransitions: 1, breakerState: 'open' });
  });

  it('sits inside retry: an opening breaker stops the retries of the same call', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(503).end()));
    const client = closeLater(
      createClient({
        service: 'stops-retries',
        baseUrl: server.url,
        retry: { maxAttempts: 5, baseDelayMs: 1, budget: false },
        breaker: { failureThreshold: 2 },
      }),
    );
    const err = await errorOf(client.request({ path: '/' }));
    expect(err.code).toBe('FAULTLINE_BREAKER_OPEN');
    expect(getCallOutcome(err)?.attempts).toBe(2);
    expect(getCallOutcome(err)?.lastErrorCode).toBe('FAULTLINE_HTTP_STATUS');
    expect(server.hits).toBe(2);
  });

  it('isolate() short-circuits every call until reset()', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(200).end('ok')));
    const client = closeLater(createClient({ service: 'isolated', baseUrl: server.url }));
    client.breaker.isolate();
    expect((await errorOf(client.request({ path: '/' }))).code).toBe('FAULTLINE_BREAKER_OPEN');
    expect(server.hits).toBe(0);
    client.breaker.reset();
    expect((await client.request({ path: '/' })).text()).toBe('ok');
    expect(server.hits).toBe(1);
  });
});
