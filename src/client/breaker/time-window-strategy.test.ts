import { describe, expect, it } from 'vitest';
import { TimeWindowStrategy } from './time-window-strategy.ts';

const fail = { failure: true, slow: false };
const ok = { failure: false, slow: false };

describe('TimeWindowStrategy', () => {
  it('never opens below minimumCalls within the window', () => {
    const s = new TimeWindowStrategy({ windowMs: 1_000, minimumCalls: 3, failureRateThreshold: 0.5 });
    expect(s.record(fail, 0)).toBeUndefined();
    expect(s.record(fail, 500)).toBeUndefined();
    expect(s.record(fail, 999)).toMatch(/3\/3/);
  });

  it('calls older than windowMs leave the window (boundary excluded)', () => {
    const s = new TimeWindowStrategy({ windowMs: 1_000, minimumCalls: 3, failureRateThreshold: 0.5 });
    s.record(fail, 0);
    s.record(fail, 500);
    expect(s.record(fail, 1_000)).toBeUndefined(); // the call at 0 is out: 2 calls
    expect(s.record(ok, 1_200)).toMatch(/2\/3/);
  });

  it('rate is inclusive and reset forgets', () => {
    const s = new TimeWindowStrategy({ windowMs: 1_000, minimumCalls: 2, failureRateThreshold: 0.5 });
    expect(s.record(ok, 0)).toBeUndefined();
    expect(s.record(fail, 1)).toBeDefined();
    s.reset();
    expect(s.record(fail, 2)).toBeUndefined();
  });

  it('slowness does not count', () => {
    const s = new TimeWindowStrategy({ windowMs: 1_000, minimumCalls: 1, failureRateThreshold: 1 });
    expect(s.record({ failure: false, slow: true }, 0)).toBeUndefined();
  });
});
