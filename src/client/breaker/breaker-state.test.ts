import { describe, expect, it } from 'vitest';
import { initialCircuit, isDueForProbe, toClosed, toHalfOpen, toIsolated, toOpen } from './breaker-state.ts';

describe('breaker-state transitions', () => {
  it('every transition starts a new generation', () => {
    const open = toOpen(initialCircuit, 100, 50);
    const half = toHalfOpen(open);
    const closed = toClosed(half);
    const isolated = toIsolated(closed);
    expect([initialCircuit, open, half, closed, isolated].map((s) => s.generation)).toEqual([0, 1, 2, 3, 4]);
    expect(open).toMatchObject({ kind: 'open', openedAt: 100, reopenAt: 150 });
    expect(half).toMatchObject({ kind: 'half-open', probesInFlight: 0, probeSuccesses: 0 });
  });

  it('an open circuit is due for a probe exactly at reopenAt', () => {
    const open = toOpen(initialCircuit, 0, 50);
    expect(isDueForProbe(open, 49)).toBe(false);
    expect(isDueForProbe(open, 50)).toBe(true);
    expect(isDueForProbe(toIsolated(open), 1e9)).toBe(false);
  });
});
