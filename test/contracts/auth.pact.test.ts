import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { createAuthAdapter } from '../../src/services/auth/auth-adapter.ts';
import { PACT_MOCK_RETRY } from '../support/pact-mock-flake.ts';

const { integer, regex, string } = MatchersV3;

/**
 * How Faultline's auth adapter uses the auth service, driven through the real adapter and
 * client (retries off). Writes contracts/faultline-auth-service.json.
 */
const pact = new PactV4({
  consumer: 'faultline',
  provider: 'auth-service',
  dir: 'contracts',
  logLevel: 'warn',
});

const JSON_REQUEST = { 'Content-Type': regex('^application/json', 'application/json') };
const JSON_RESPONSE = { 'Content-Type': 'application/json; charset=utf-8' };
/** 2100-01-01T00:00:00Z in unix seconds: the example expiry, far in the future. */
const FAR_FUTURE_EXP = 4_102_444_800;
/** The adapter compares exp with this wall clock, so the contract is independent of today. */
const NOW_MS = Date.UTC(2026, 0, 1);

const adapterFor = (url: string) =>
  createAuthAdapter({
    client: { service: 'auth', baseUrl: url, retry: false, breaker: false },
    wallClock: () => NOW_MS,
  });

describe('auth-service contract', PACT_MOCK_RETRY, () => {
  it('verifies a valid token with its claims', async () => {
    await pact
      .addInteraction()
      .given('token {token} is valid for {sub}', {
        token: 'token-alice',
        sub: 'alice',
        email: 'alice@example.com',
      })
      .uponReceiving('a verification of a valid token')
      .withRequest('POST', '/v1/tokens/verify', (b) =>
        b.headers(JSON_REQUEST).jsonBody({ token: 'token-alice' }),
      )
      .willRespondWith(200, (b) =>
        b.headers(JSON_RESPONSE).jsonBody({
          active: true,
          claims: {
            sub: string('alice'),
            email: regex('^[^@\\s]+@[^@\\s]+$', 'alice@example.com'),
            exp: integer(FAR_FUTURE_EXP),
          },
        }),
      )
      .executeTest(async (mockServer) => {
        const auth = adapterFor(mockServer.url);
        const result = await auth.verify('token-alice');
        await auth.close();
        expect(result).toEqual({
          valid: true,
          claims: { sub: 'alice', email: 'alice@example.com', exp: FAR_FUTURE_EXP },
        });
      });
  });

  it('rejects an invalid token (401)', async () => {
    await pact
      .addInteraction()
      .given('token {token} is invalid', { token: 'token-forged' })
      .uponReceiving('a verification of an invalid token')
      .withRequest('POST', '/v1/tokens/verify', (b) =>
        b.headers(JSON_REQUEST).jsonBody({ token: 'token-forged' }),
      )
      .willRespondWith(401, (b) =>
        b
          .headers(JSON_RESPONSE)
          .jsonBody({ error: { code: 'invalid_token', message: string('token is not valid') } }),
      )
      .executeTest(async (mockServer) => {
        const auth = adapterFor(mockServer.url);
        const result = await auth.verify('token-forged');
        await auth.close();
        expect(result).toEqual({ valid: false, reason: 'invalid' });
      });
  });

  it('fails closed while auth is rate limited (429 with Retry-After)', async () => {
    await pact
      .addInteraction()
      .given('auth is rate limited', { retryAfterSeconds: 1 })
      .uponReceiving('a verification while auth is rate limited')
      .withRequest('POST', '/v1/tokens/verify', (b) =>
        b.headers(JSON_REQUEST).jsonBody({ token: 'token-alice' }),
      )
      .willRespondWith(429, (b) =>
        b
          .headers({ ...JSON_RESPONSE, 'Retry-After': regex('^[0-9]+$', '1') })
          .jsonBody({ error: { code: string('rate_limited'), message: string('too many requests') } }),
      )
      .executeTest(async (mockServer) => {
        const auth = adapterFor(mockServer.url);
        const result = await auth.verify('token-alice');
        await auth.close();
        expect(result).toEqual({ valid: false, reason: 'unavailable', errorCode: 'FAULTLINE_HTTP_STATUS' });
      });
  });
});
