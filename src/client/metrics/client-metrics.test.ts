import { describe, expect, it } from 'vitest';
import { ClientMetrics } from './client-metrics.ts';

describe('ClientMetrics', () => {
  it('computes latency percentiles within HdrHistogram precision', () => {
    const m = new ClientMetrics('svc', () => 'closed');
    for (let i = 1; i <= 1000; i++) m.recordCall(i, undefined);
    const { latencyMs } = m.snapshot();
    expect(latencyMs.count).toBe(1000);
    expect(latencyMs.p50).toBeCloseTo(500, -1);
    expect(latencyMs.p95).toBeGreaterThanOrEqual(949);
    expect(latencyMs.p95).toBeLessThanOrEqual(951);
    expect(latencyMs.p99).toBeGreaterThanOrEqual(989);
    expect(latencyMs.p99).toBeLessThanOrEqual(991);
    expect(latencyMs.max).toBeGreaterThanOrEqual(999);
    expect(latencyMs.max).toBeLessThanOrEqual(1001);
  });

  it('counts successes and failures by code', () => {
    let state: 'closed' | 'open' = 'closed';
    const m = new ClientMetrics('svc', () => state);
    m.recordCall(1, undefined);
    m.recordCall(2, 'FAULTLINE_TIMEOUT');
    m.recordCall(3, 'FAULTLINE_TIMEOUT');
    m.recordCall(0.2, 'FAULTLINE_BREAKER_OPEN');
    state = 'open';
    const s = m.snapshot();
    expect(s).toMatchObject({ calls: 4, successes: 1, failures: 3, breakerState: 'open' });
    expect(s.failuresByCode).toEqual({ FAULTLINE_TIMEOUT: 2, FAULTLINE_BREAKER_OPEN: 1 });
  });

  it('reports zeros before any call', () => {
    const s = new ClientMetrics('svc', () => 'closed').snapshot();
    expect(s.latencyMs).toEqual({ p50: 0, p95: 0, p99: 0, max: 0, count: 0 });
  });
});
