import { describe, expect, it } from 'vitest';
import { createRouter } from './create-router.ts';
import { jsonResponse } from './service-response.ts';

const request = (path: string) => ({
  method: 'GET',
  path,
  query: new URLSearchParams(),
  headers: {},
  body: new Uint8Array(),
});

describe('createRouter degraded mode', () => {
  it('answers degradable routes with the outage while it is in force, and only those', async () => {
    let outage: { retryAfterSeconds: number } | undefined;
    let handled = 0;
    const handle = createRouter(
      'search',
      [
        {
          method: 'GET',
          path: '/v1/work',
          degradable: true,
          handle: () => {
            handled++;
            return jsonResponse(200, {});
          },
        },
        { method: 'GET', path: '/v1/info', handle: () => jsonResponse(200, { info: true }) },
      ],
      undefined,
      { degraded: { current: () => outage, status: 503, error: 'overloaded', message: 'Overloaded.' } },
    );

    expect((await handle(request('/v1/work'))).status).toBe(200);
    outage = { retryAfterSeconds: 7 };
    const refused = await handle(request('/v1/work'));
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('7');
    expect(JSON.parse(String(refused.body))).toMatchObject({ error: { code: 'overloaded' } });
    expect(handled).toBe(1);
    expect((await handle(request('/v1/info'))).status).toBe(200);
  });
});
