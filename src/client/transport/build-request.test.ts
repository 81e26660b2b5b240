import { describe, expect, it } from 'vitest';
import { buildRequest, headersForAttempt, headersWithoutCredentials } from './build-request.ts';

const defaults = { basePath: '', headers: { 'user-agent': 'faultline' } };

describe('buildRequest', () => {
  it('joins the base path, encodes the query and skips undefined values', () => {
    const r = buildRequest(
      { basePath: '/api', headers: {} },
      { path: 'v1/search', query: { q: 'a b&c', n: 3, x: undefined, ok: true } },
    );
    expect(r.path).toBe('/api/v1/search?q=a%20b%26c&n=3&ok=true');
    expect(r.method).toBe('GET');
    expect(r.cacheKey).toBe('GET /api/v1/search?q=a%20b%26c&n=3&ok=true');
  });

  it('serialises json with a content type and lets call headers override defaults', () => {
    const r = buildRequest(defaults, {
      method: 'POST',
      path: '/v1/predict',
      json: { input: [1, 2] },
      headers: { 'User-Agent': 'me', 'X-Extra': '1' },
    });
    expect(r.body).toBe('{"input":[1,2]}');
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['user-agent']).toBe('me');
    expect(r.headers['x-extra']).toBe('1');
  });

  it('keeps the caller request id, sets the idempotency key, and marks retries', () => {
    const r = buildRequest(defaults, {
      method: 'POST',
      path: '/v1/send',
      body: 'hi',
      headers: { 'X-Request-ID': 'req-1' },
      idempotencyKey: 'key-9',
    });
    expect(r.requestId).toBe('req-1');
    expect(r.headers['idempotency-key']).toBe('key-9');
    expect(headersForAttempt(r, 1)['x-retry-attempt']).toBeUndefined();
    const retry = headersForAttempt(r, 3);
    expect(retry['x-retry-attempt']).toBe('2');
    expect(retry['x-request-id']).toBe('req-1');
    expect(r.headers['x-retry-attempt']).toBeUndefined();
  });

  it('generates a fresh request id per call', () => {
    const a = buildRequest(defaults, { path: '/' });
    const b = buildRequest(defaults, { path: '/' });
    expect(a.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.requestId).not.toBe(b.requestId);
  });

  it('sets static credentials over the call headers, and can take them off again', () => {
    const credentials = { authorization: 'Bearer t0k' };
    const withAuth = { ...defaults, credentials };
    const plain = buildRequest(withAuth, { path: '/', headers: { 'X-Extra': '1' } });
    expect(plain.headers.authorization).toBe('Bearer t0k');
    expect(headersWithoutCredentials(plain, credentials)).toEqual({
      'user-agent': 'faultline',
      'x-extra': '1',
      'x-request-id': plain.requestId,
    });
    // A caller's own header of the same name loses to the credentials, and comes back without them.
    const own = buildRequest(withAuth, { path: '/', headers: { Authorization: 'mine' } });
    expect(own.headers.authorization).toBe('Bearer t0k');
    expect(headersWithoutCredentials(own, credentials).authorization).toBe('mine');
  });
});
