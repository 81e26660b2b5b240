import { describe, expect, it } from 'vitest';
import { TimedOutcomeWindow } from './timed-outcome-window.ts';

describe('TimedOutcomeWindow', () => {
  it('keeps exact totals of the calls in (now - windowMs, now]', () => {
    const w = new TimedOutcomeWindow(100);
    w.add(0, true, false);
    w.add(50, false, true);
    w.add(99, true, true);
    expect([w.calls, w.failures, w.slow]).toEqual([3, 2, 2]);
    w.expire(100); // the call at 0 leaves (boundary excluded)
    expect([w.calls, w.failures, w.slow]).toEqual([2, 1, 2]);
    w.expire(199);
    expect([w.calls, w.failures, w.slow]).toEqual([0, 0, 0]);
  });

  it('stays exact across compaction of a long history', () => {
    const w = new TimedOutcomeWindow(1_000);
    for (let t = 0; t < 5_000; t++) w.add(t, t % 3 === 0, t % 5 === 0);
    // Window (3999, 4999]: t = 4000..4999.
    const inWindow = Array.from({ length: 1_000 }, (_, i) => 4_000 + i);
    expect(w.calls).toBe(1_000);
    expect(w.failures).toBe(inWindow.filter((t) => t % 3 === 0).length);
    expect(w.slow).toBe(inWindow.filter((t) => t % 5 === 0).length);
    w.clear();
    expect([w.calls, w.failures, w.slow]).toEqual([0, 0, 0]);
  });
});
