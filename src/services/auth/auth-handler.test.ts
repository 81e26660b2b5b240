import { describe, expect, it } from 'vitest';
import { callHandler } from '../../../test/support/call-handler.ts';
import { createAuthHandler } from './auth-handler.ts';

const at2030 = () => Date.parse('2030-01-01T00:00:00Z');

describe('createAuthHandler', () => {
  it('verifies known tokens with their claims', async () => {
    const res = await callHandler(createAuthHandler({ wallClock: at2030 }), 'POST', '/v1/tokens/verify', {
      json: { token: 'valid-token-alice' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      active: true,
      claims: { sub: 'user-alice', email: 'alice@example.com', exp: 4_102_444_800 },
    });
  });

  it('rejects unknown and expired tokens with 401', async () => {
    const handler = createAuthHandler({ wallClock: at2030 });
    const unknown = await callHandler(handler, 'POST', '/v1/tokens/verify', { json: { token: 'forged' } });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.code).toBe('invalid_token');
    const expired = await callHandler(handler, 'POST', '/v1/tokens/verify', {
      json: { token: 'expired-token' },
    });
    expect(expired.status).toBe(401);
    expect(expired.json.error.message).toContain('expired');
  });

  it('names the missing field', async () => {
    const res = await callHandler(createAuthHandler(), 'POST', '/v1/tokens/verify', { json: { tok: 'x' } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/^token: expected a non-empty string, got nothing/);
  });

  it('supports token and rate-limit states', async () => {
    const handler = createAuthHandler({ states: true, wallClock: at2030 });
    const state = (state: string, params: object = {}, action = 'setup') =>
      callHandler(handler, 'POST', '/_faultline/state', { json: { state, params, action } });
    await state('token {token} is valid for {sub}', { token: 't-1', sub: 'u-9', email: 'u9@example.com' });
    const ok = await callHandler(handler, 'POST', '/v1/tokens/verify', { json: { token: 't-1' } });
    expect(ok.json.claims).toMatchObject({ sub: 'u-9', email: 'u9@example.com' });

    await state('token valid-token-bob is invalid');
    expect(
      (await callHandler(handler, 'POST', '/v1/tokens/verify', { json: { token: 'valid-token-bob' } }))
        .status,
    ).toBe(401);

    await state('auth is rate limited', { retryAfterSeconds: 3 });
    const limited = await callHandler(handler, 'POST', '/v1/tokens/verify', { json: { token: 't-1' } });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('3');

    await state('auth is rate limited', {}, 'teardown');
    expect(
      (await callHandler(handler, 'POST', '/v1/tokens/verify', { json: { token: 'valid-token-bob' } }))
        .status,
    ).toBe(200);
  });
});
