import { describe, expect, it } from 'vitest';
import { callHandler } from '../../../test/support/call-handler.ts';
import { createSearchHandler } from './search-handler.ts';
import { createSearchIndex } from './search-index.ts';

describe('createSearchHandler', () => {
  it('ranks by TF-IDF, best first', async () => {
    const res = await callHandler(createSearchHandler(), 'GET', '/v1/search?q=circuit%20breaker');
    expect(res.status).toBe(200);
    expect(res.json.query).toBe('circuit breaker');
    expect(res.json.hits[0]).toMatchObject({ id: 'doc-001', title: 'Circuit breakers in practice' });
    const scores = res.json.hits.map((h: { score: number }) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(res.json.total).toBe(res.json.hits.length);
  });

  it('weighs rare terms above common ones', () => {
    const index = createSearchIndex([
      { id: 'a', title: 'x', body: 'common common rare' },
      { id: 'b', title: 'y', body: 'common common common' },
      { id: 'c', title: 'z', body: 'common other words' },
    ]);
    const hits = index.search('common rare');
    expect(hits[0]?.id).toBe('a');
    expect(hits.map((h) => h.id)).toEqual(['a', 'b', 'c']);
  });

  it('limits the hits but reports the total', async () => {
    const res = await callHandler(
      createSearchHandler(),
      'GET',
      '/v1/search?q=retry%20timeout%20latency&limit=2',
    );
    expect(res.json.hits).toHaveLength(2);
    expect(res.json.total).toBeGreaterThan(2);
  });

  it('names the invalid parameter', async () => {
    const handler = createSearchHandler();
    const noQ = await callHandler(handler, 'GET', '/v1/search');
    expect(noQ.status).toBe(400);
    expect(noQ.json.error.message).toMatch(/^q: expected a non-empty query string/);
    const badLimit = await callHandler(handler, 'GET', '/v1/search?q=retry&limit=500');
    expect(badLimit.json.error.message).toMatch(/^limit: expected an integer from 1 to 100, got "500"/);
  });

  it('supports its provider states', async () => {
    const handler = createSearchHandler({ states: true });
    const state = (state: string, params: object = {}, action = 'setup') =>
      callHandler(handler, 'POST', '/_faultline/state', { json: { state, params, action } });
    expect((await callHandler(handler, 'GET', '/v1/search?q=zebra')).json.total).toBe(0);
    await state('documents matching {query} exist', { query: 'zebra' });
    expect((await callHandler(handler, 'GET', '/v1/search?q=zebra')).json.total).toBe(1);
    await state('search is overloaded');
    const shed = await callHandler(handler, 'GET', '/v1/search?q=zebra');
    expect(shed.status).toBe(503);
    expect(shed.headers['retry-after']).toBe('1');
    await state('search is overloaded', {}, 'teardown');
    expect((await callHandler(handler, 'GET', '/v1/search?q=zebra')).json.total).toBe(0);
  });
});
