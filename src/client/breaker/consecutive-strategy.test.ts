import { describe, expect, it } from 'vitest';
import { ConsecutiveStrategy } from './consecutive-strategy.ts';

const fail = { failure: true, slow: false };
const ok = { failure: false, slow: false };

describe('ConsecutiveStrategy', () => {
  it('opens exactly at the threshold', () => {
    const s = new ConsecutiveStrategy(3);
    expect(s.record(fail)).toBeUndefined();
    expect(s.record(fail)).toBeUndefined();
    expect(s.record(fail)).toMatch(/3 consecutive failures/);
  });

  it('a success restarts the count', () => {
    const s = new ConsecutiveStrategy(2);
    s.record(fail);
    s.record(ok);
    expect(s.record(fail)).toBeUndefined();
    expect(s.record(fail)).toBeDefined();
  });

  it('slowness alone does not count; reset forgets', () => {
    const s = new ConsecutiveStrategy(1);
    expect(s.record({ failure: false, slow: true })).toBeUndefined();
    expect(s.probeFailed({ failure: false, slow: true })).toBe(false);
    const t = new ConsecutiveStrategy(2);
    t.record(fail);
    t.reset();
    expect(t.record(fail)).toBeUndefined();
  });
});
