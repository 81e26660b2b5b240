import { describe, expect, it } from 'vitest';
import { ClientMetrics } from './client-metrics.ts';
import { ClientMetricsRegistry } from './client-metrics-registry.ts';

describe('ClientMetricsRegistry', () => {
  it('exposes every client with its service label, read at scrape time', async () => {
    const registry = new ClientMetricsRegistry();
    const a = new ClientMetrics('auth', () => 'closed');
    const b = new ClientMetrics('search', () => 'open');
    registry.add(a);
    const removeB = registry.add(b);
    a.recordCall(10, undefined);
    b.recordCall(20, 'FAULTLINE_BREAKER_OPEN');
    b.shortCircuits = 1;
    const text = await registry.metrics();
    expect(text).toContain('faultline_client_calls_total{service="auth"} 1');
    expect(text).toContain('faultline_client_calls_total{service="search"} 1');
    expect(text).toContain(
      'faultline_client_failures_total{service="search",code="FAULTLINE_BREAKER_OPEN"} 1',
    );
    expect(text).toContain('faultline_client_short_circuits_total{service="search"} 1');
    expect(text).toContain('faultline_client_breaker_state{service="search",state="open"} 1');
    expect(text).toContain('faultline_client_breaker_state{service="auth",state="open"} 0');
    expect(text).toMatch(/faultline_client_latency_ms\{service="auth",quantile="0.5"\} 10(\.\d+)?/);

    a.recordCall(5, undefined);
    removeB();
    const later = await registry.metrics();
    expect(later).toContain('faultline_client_calls_total{service="auth"} 2');
    expect(later).not.toContain('service="search"');
  });
});
