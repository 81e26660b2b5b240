import { afterEach, describe, expect, it } from 'vitest';
import type { AuthProvider } from '../../../src/client/auth/auth-provider.ts';
import { createAuthProvider } from '../../../src/client/auth/create-auth-provider.ts';
import { systemClock } from '../../../src/time/system-clock.ts';
import { errorOf, type LoopbackServer, startHttpServer } from './loopback-server.ts';

const CLIENT_ID = 'faultline-client';
const SECRET = 'oauth-secret-canary-91f3';
const expectedBasic = `Basic ${Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64')}`;

/** A real token endpoint: checks client_secret_basic and hands out token-1, token-2, ... */
async function startTokenEndpoint(opts: { status?: number } = {}): Promise<LoopbackServer> {
  return startHttpServer((req, res, hit) => {
    if (req.method !== 'POST' || req.headers.authorization !== expectedBasic || opts.status !== undefined) {
      res.writeHead(opts.status ?? 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_client', echoed: SECRET }));
      return;
    }
    // answer after a tick so concurrent callers overlap with the fetch
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: `token-${hit}`, token_type: 'Bearer', expires_in: 3600 }));
    }, 5);
  });
}

describe('OAuth2 client credentials against a real token endpoint', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const undo of cleanup.splice(0).reverse()) await undo();
  });

  async function provider(server: LoopbackServer, secret = SECRET): Promise<AuthProvider> {
    const p = createAuthProvider(
      {
        kind: 'oauth2-client-credentials',
        tokenUrl: `${server.url}/oauth/token`,
        clientId: CLIENT_ID,
        clientSecret: secret,
      },
      'search',
      systemClock,
    );
    cleanup.push(() => p.close());
    return p;
  }

  it('fetches one token for concurrent callers and caches it', async () => {
    const server = await startTokenEndpoint();
    cleanup.push(() => server.close());
    const auth = await provider(server);
    const all = await Promise.all([auth.headers(), auth.headers(), auth.headers()]);
    expect(all).toEqual([
      { authorization: 'Bearer token-1' },
      { authorization: 'Bearer token-1' },
      { authorization: 'Bearer token-1' },
    ]);
    expect(await auth.headers()).toEqual({ authorization: 'Bearer token-1' });
    expect(server.hits).toBe(1);
    expect(server.requests[0]!['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('a 401 on the current token refreshes it once, even when several calls saw the 401', async () => {
    const server = await startTokenEndpoint();
    cleanup.push(() => server.close());
    const auth = await provider(server);
    const sent = await auth.headers();
    const [a, b] = await Promise.all([auth.onUnauthorized(sent), auth.onUnauthorized(sent)]);
    expect([a, b]).toEqual([true, true]);
    expect(await auth.headers()).toEqual({ authorization: 'Bearer token-2' });
    expect(server.hits).toBe(2);
  });

  it('a refused client fails with FAULTLINE_AUTH_TOKEN and never shows the secret', async () => {
    const server = await startTokenEndpoint();
    cleanup.push(() => server.close());
    const auth = await provider(server, 'wrong-secret-canary');
    const err = await errorOf(Promise.resolve(auth.headers()));
    expect(err.code).toBe('FAULTLINE_AUTH_TOKEN');
    expect(err.message).toContain('HTTP 401 (invalid_client)');
    expect(JSON.stringify({ ...err, message: err.message, stack: err.stack })).not.toMatch(
      /secret-canary|oauth-secret/,
    );
  });
});
