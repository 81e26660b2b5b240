import { describe, expect, it } from 'vitest';
import type { EndpointHealth } from '../client-types.ts';
import { serviceHealth } from './service-health.ts';

const endpoints: EndpointHealth[] = [
  { url: 'http://127.0.0.1:1', status: 'healthy', outstanding: 0, consecutiveFailures: 0, timesEjected: 0 },
];

describe('serviceHealth', () => {
  it('folds the breaker into the endpoints verdict', () => {
    expect(serviceHealth('s', 'closed', { status: 'healthy', endpoints }).status).toBe('healthy');
    expect(serviceHealth('s', 'half-open', { status: 'healthy', endpoints }).status).toBe('degraded');
    expect(serviceHealth('s', 'open', { status: 'healthy', endpoints }).status).toBe('unhealthy');
    expect(serviceHealth('s', 'isolated', { status: 'degraded', endpoints }).status).toBe('unhealthy');
    expect(serviceHealth('s', 'closed', { status: 'degraded', endpoints })).toEqual({
      service: 's',
      status: 'degraded',
      breakerState: 'closed',
      endpoints,
    });
  });
});
