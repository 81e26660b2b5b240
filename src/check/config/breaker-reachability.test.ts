import { describe, expect, it } from 'vitest';
import { resolveBreakerOptions } from '../../client/breaker/resolve-breaker-options.ts';
import { breakerReachabilityProblems } from './breaker-reachability.ts';

describe('breakerReachabilityProblems', () => {
  it('accepts the defaults of every strategy', () => {
    for (const strategy of ['consecutive', 'count-window', 'time-window', 'slow-call-rate'] as const) {
      expect(breakerReachabilityProblems(resolveBreakerOptions({ strategy }), 10_000)).toEqual([]);
    }
  });

  it('count-window: minimumCalls must fit in the window (boundary allowed)', () => {
    const at = resolveBreakerOptions({ strategy: 'count-window', windowSize: 10, minimumCalls: 10 });
    expect(breakerReachabilityProblems(at, 1_000)).toEqual([]);
    const over = resolveBreakerOptions({ strategy: 'count-window', windowSize: 10, minimumCalls: 11 });
    expect(breakerReachabilityProblems(over, 1_000)[0]).toMatch(
      /breaker.minimumCalls \(11\) > breaker.windowSize/,
    );
  });

  it('slow-call-rate: a call must be able to be slow before it times out', () => {
    const o = resolveBreakerOptions({ strategy: 'slow-call-rate', slowCallDurationMs: 2_000 });
    expect(breakerReachabilityProblems(o, 1_000)[0]).toMatch(/slowCallDurationMs/);
    expect(breakerReachabilityProblems(o, 2_000)).toEqual([]);
  });

  it('failureStatuses without any 5xx never count server errors', () => {
    const o = resolveBreakerOptions({ failureStatuses: [408] });
    expect(breakerReachabilityProblems(o, 1_000)[0]).toMatch(/no 5xx/);
  });
});
