import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../src/client/create-client.ts';
import { createAuthAdapter } from '../../../src/services/auth/auth-adapter.ts';
import { type RunningServices, startServices } from '../../../src/services/start-services.ts';
import { ManualClock } from '../../../src/time/manual-clock.ts';
import { type Behaviour, type FailingServer, startFailingServer } from './failing-server.ts';
import { testClientOptions, timeOutHungCall } from './test-client-options.ts';

let services: RunningServices;
let server: FailingServer;

beforeAll(async () => {
  services = await startServices({ only: ['auth'] });
  server = await startFailingServer({ kind: 'json', status: 503, body: {} });
});
afterAll(async () => {
  await server.close();
  await services.close();
});

const FUTURE_EXP = 4_102_444_800; // 2100-01-01, unix seconds
const goodClaims = { sub: 'alice', email: 'alice@example.com', exp: FUTURE_EXP };

describe('auth adapter against the reference service', () => {
  it('accepts a valid token with its claims, rejects unknown and expired ones', async () => {
    const auth = createAuthAdapter({ client: testClientOptions('auth', services.urls.auth) });
    const alice = await auth.verify('valid-token-alice');
    const unknown = await auth.verify('no-such-token');
    const expired = await auth.verify('expired-token');
    await auth.close();
    expect(alice.valid).toBe(true);
    expect(alice.valid && alice.claims.sub.length > 0 && alice.claims.email.includes('@')).toBe(true);
    expect(unknown).toEqual({ valid: false, reason: 'invalid' });
    expect(expired).toEqual({ valid: false, reason: 'invalid' });
  });
});

describe('auth adapter fails closed', () => {
  const failures: Array<{ name: string; behaviour: Behaviour; reason: 'invalid' | 'unavailable' }> = [
    {
      name: '503',
      behaviour: { kind: 'json', status: 503, body: { active: true, claims: goodClaims } },
      reason: 'unavailable',
    },
    {
      name: '429 with Retry-After',
      behaviour: { kind: 'json', status: 429, body: {}, headers: { 'retry-after': '1' } },
      reason: 'unavailable',
    },
    { name: 'a reset', behaviour: { kind: 'reset' }, reason: 'unavailable' },
    { name: 'a non-JSON 200', behaviour: { kind: 'raw', status: 200, body: 'OK' }, reason: 'unavailable' },
    {
      name: 'a 200 without claims',
      behaviour: { kind: 'json', status: 200, body: { active: true } },
      reason: 'unavailable',
    },
    {
      name: 'a 200 with a claim of the wrong type',
      behaviour: { kind: 'json', status: 200, body: { active: true, claims: { ...goodClaims, sub: 42 } } },
      reason: 'unavailable',
    },
    {
      name: 'a 200 with an empty email',
      behaviour: { kind: 'json', status: 200, body: { active: true, claims: { ...goodClaims, email: '' } } },
      reason: 'unavailable',
    },
    {
      name: 'a 200 with exp in the past',
      behaviour: {
        kind: 'json',
        status: 200,
        body: { active: true, claims: { ...goodClaims, exp: 1_000_000 } },
      },
      reason: 'invalid',
    },
    {
      name: 'a 200 with active false',
      behaviour: { kind: 'json', status: 200, body: { active: false, claims: goodClaims } },
      reason: 'invalid',
    },
    {
      name: '401',
      behaviour: { kind: 'json', status: 401, body: { error: { code: 'invalid_token' } } },
      reason: 'invalid',
    },
  ];

  for (const { name, behaviour, reason } of failures) {
    it(`is never valid on ${name}`, async () => {
      server.set(behaviour);
      const auth = createAuthAdapter({ client: testClientOptions('auth', server.url) });
      const result = await auth.verify('some-token');
      await auth.close();
      expect(result.valid).toBe(false);
      expect(result.valid === false && result.reason).toBe(reason);
    });
  }

  it('is never valid on a hang', async () => {
    server.set({ kind: 'hang' });
    const clock = new ManualClock();
    const auth = createAuthAdapter({ client: testClientOptions('auth', server.url, { clock }) });
    const result = await timeOutHungCall(server, clock, () => auth.verify('some-token'));
    await auth.close();
    expect(result).toEqual({ valid: false, reason: 'unavailable', errorCode: 'FAULTLINE_TIMEOUT' });
  });

  it('is never valid when the client fallback serves a "valid" default body', async () => {
    server.set({ kind: 'json', status: 503, body: {} });
    const client = createClient(
      testClientOptions('auth', server.url, {
        fallback: { kind: 'default', value: { active: true, claims: goodClaims }, status: 200 },
      }),
    );
    const auth = createAuthAdapter({ client });
    const result = await auth.verify('some-token');
    await auth.close();
    await client.close();
    expect(result.valid).toBe(false);
    expect(result.valid === false && result.reason).toBe('unavailable');
  });

  it('is never valid while the breaker is open', async () => {
    server.set({ kind: 'reset' });
    const client = createClient(testClientOptions('auth', server.url, { breaker: { failureThreshold: 1 } }));
    const auth = createAuthAdapter({ client });
    await auth.verify('some-token');
    server.set({ kind: 'json', status: 200, body: { active: true, claims: goodClaims } });
    const whileOpen = await auth.verify('some-token');
    await auth.close();
    await client.close();
    expect(whileOpen).toEqual({ valid: false, reason: 'unavailable', errorCode: 'FAULTLINE_BREAKER_OPEN' });
  });

  it('judges exp with the injected wall clock', async () => {
    server.set({ kind: 'json', status: 200, body: { active: true, claims: { ...goodClaims, exp: 2_000 } } });
    const before = createAuthAdapter({
      client: testClientOptions('auth', server.url),
      wallClock: () => 1_999_000,
    });
    const after = createAuthAdapter({
      client: testClientOptions('auth', server.url),
      wallClock: () => 2_000_000,
    });
    const [early, late] = [await before.verify('t'), await after.verify('t')];
    await before.close();
    await after.close();
    expect(early.valid).toBe(true);
    expect(late).toEqual({ valid: false, reason: 'invalid' });
  });
});
