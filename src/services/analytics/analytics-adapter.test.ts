import { describe, expect, it } from 'vitest';
import { ANALYTICS_ADAPTER_DEFAULTS, resolveAnalyticsAdapterOptions } from './analytics-adapter.ts';

const client = { service: 'analytics', baseUrl: 'http://127.0.0.1:1' };

describe('resolveAnalyticsAdapterOptions', () => {
  it('applies defaults', () => {
    expect(resolveAnalyticsAdapterOptions({ client })).toMatchObject(ANALYTICS_ADAPTER_DEFAULTS);
  });

  it.each([
    [{ maxBuffer: 0 }, 'analytics.maxBuffer: expected an integer >= 1, got 0'],
    [{ batchSize: 1001 }, 'analytics.batchSize: expected an integer in 1..1000, got 1001'],
    [{ batchSize: 0 }, 'analytics.batchSize: expected an integer in 1..1000, got 0'],
    [{ flushEveryMs: -5 }, 'analytics.flushEveryMs: expected a number of ms > 0 or false, got -5'],
  ])('rejects %o', (options, message) => {
    expect(() => resolveAnalyticsAdapterOptions({ client, ...options })).toThrow(message);
  });
});
