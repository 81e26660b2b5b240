import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from '../../errors/invalid-options-error.ts';
import { breakerDefaults, resolveBreakerOptions } from './resolve-breaker-options.ts';

describe('resolveBreakerOptions', () => {
  it('defaults: failure statuses are 408 and 5xx, not 429', () => {
    const r = resolveBreakerOptions();
    expect(r).toEqual(breakerDefaults);
    expect(r.failureStatuses).toContain(408);
    expect(r.failureStatuses).toContain(500);
    expect(r.failureStatuses).toContain(599);
    expect(r.failureStatuses).not.toContain(429);
    expect(r.failureStatuses).not.toContain(404);
  });

  it.each([
    [{ strategy: 'sometimes' }, 'breaker.strategy'],
    [{ failureThreshold: 0 }, 'breaker.failureThreshold'],
    [{ windowSize: 2.5 }, 'breaker.windowSize'],
    [{ windowMs: 0 }, 'breaker.windowMs'],
    [{ minimumCalls: 0 }, 'breaker.minimumCalls'],
    [{ failureRateThreshold: 0 }, 'breaker.failureRateThreshold'],
    [{ failureRateThreshold: 1.5 }, 'breaker.failureRateThreshold'],
    [{ slowCallRateThreshold: -0.1 }, 'breaker.slowCallRateThreshold'],
    [{ slowCallDurationMs: 0 }, 'breaker.slowCallDurationMs'],
    [{ resetTimeoutMs: -1 }, 'breaker.resetTimeoutMs'],
    [{ halfOpenMaxCalls: 0 }, 'breaker.halfOpenMaxCalls'],
    [{ halfOpenSuccesses: 0 }, 'breaker.halfOpenSuccesses'],
    [{ failureStatuses: [500, 'x'] }, 'breaker.failureStatuses[1]'],
  ])('rejects %j naming %s', (options, field) => {
    expect(() => resolveBreakerOptions(options as never)).toThrow(InvalidOptionsError);
    try {
      resolveBreakerOptions(options as never);
    } catch (err) {
      expect((err as InvalidOptionsError).field).toBe(field);
    }
  });
});
