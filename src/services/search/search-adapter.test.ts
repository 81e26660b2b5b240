import { describe, expect, it } from 'vitest';
import { resolveSearchAdapterOptions, SEARCH_ADAPTER_DEFAULTS } from './search-adapter.ts';

const client = { service: 'search', baseUrl: 'http://127.0.0.1:1' };

describe('resolveSearchAdapterOptions', () => {
  it('applies defaults: one minute of staleness, 1000 entries', () => {
    expect(resolveSearchAdapterOptions({ client })).toMatchObject(SEARCH_ADAPTER_DEFAULTS);
    expect(SEARCH_ADAPTER_DEFAULTS).toEqual({ maxStaleMs: 60_000, maxEntries: 1000 });
  });

  it.each([
    [{ maxStaleMs: -1 }, 'search.maxStaleMs: expected a number of ms >= 0, got -1'],
    [{ maxStaleMs: Number.POSITIVE_INFINITY }, 'search.maxStaleMs: expected a number of ms >= 0'],
    [{ maxEntries: 2.5 }, 'search.maxEntries: expected an integer >= 0, got 2.5'],
  ])('rejects %o', (options, message) => {
    expect(() => resolveSearchAdapterOptions({ client, ...options })).toThrow(message);
  });
});
