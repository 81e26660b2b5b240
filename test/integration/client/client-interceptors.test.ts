import type { Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/client/create-client.ts';
import { closeAfterEach } from '../../support/close-after-each.ts';
import { startHttpServer } from './loopback-server.ts';

const closeLater = closeAfterEach();

/** An interceptor that appends its name to the `x-trail` request header. */
function trail(name: string): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const headers = { ...(opts.headers as Record<string, string>) };
    headers['x-trail'] = headers['x-trail'] === undefined ? name : `${headers['x-trail']},${name}`;
    return dispatch({ ...opts, headers }, handler);
  };
}

describe('client interceptors', () => {
  it('composes interceptors outermost first over the transport, on every attempt', async () => {
    const server = closeLater(
      await startHttpServer((_req, res, hit) => res.writeHead(hit === 1 ? 503 : 200).end()),
    );
    const client = closeLater(
      createClient({
        service: 'intercepted',
        baseUrl: server.url,
        interceptors: [trail('outer'), trail('inner')],
        retry: { maxAttempts: 2, baseDelayMs: 1, budget: false },
      }),
    );
    const res = await client.request({ path: '/' });
    expect(res.status).toBe(200);
    expect(server.requests.map((h) => h['x-trail'])).toEqual(['outer,inner', 'outer,inner']);
  });

  it('lets an interceptor fail an attempt, which the policies then see like any network error', async () => {
    const server = closeLater(await startHttpServer((_req, res) => res.writeHead(200).end('ok')));
    let calls = 0;
    const flaky: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
      calls++;
      if (calls === 1) {
        const err = Object.assign(new Error('injected reset'), { code: 'ECONNRESET' });
        handler.onResponseError?.(undefined as never, err);
        return true;
      }
      return dispatch(opts, handler);
    };
    const client = closeLater(
      createClient({
        service: 'injected',
        baseUrl: server.url,
        interceptors: [flaky],
        retry: { maxAttempts: 2, baseDelayMs: 1, budget: false },
      }),
    );
    const res = await client.request({ path: '/' });
    expect(res.text()).toBe('ok');
    expect(res.outcome).toMatchObject({ attempts: 2, lastErrorCode: 'FAULTLINE_NETWORK' });
    expect(server.hits).toBe(1);
  });
});
