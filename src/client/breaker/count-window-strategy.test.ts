import { describe, expect, it } from 'vitest';
import { CountWindowStrategy } from './count-window-strategy.ts';

const fail = { failure: true, slow: false };
const ok = { failure: false, slow: false };

describe('CountWindowStrategy', () => {
  it('never opens below minimumCalls, opens at it', () => {
    const s = new CountWindowStrategy({ windowSize: 10, minimumCalls: 4, failureRateThreshold: 0.5 });
    expect(s.record(fail)).toBeUndefined();
    expect(s.record(fail)).toBeUndefined();
    expect(s.record(fail)).toBeUndefined();
    expect(s.record(fail)).toMatch(/4\/4/);
  });

  it('rate threshold is inclusive (off by one both sides)', () => {
    const s = new CountWindowStrategy({ windowSize: 4, minimumCalls: 4, failureRateThreshold: 0.5 });
    s.record(ok);
    s.record(ok);
    s.record(ok);
    expect(s.record(fail)).toBeUndefined(); // 1/4 < 0.5
    expect(s.record(fail)).toMatch(/2\/4/); // window slides to ok ok fail fail: 2/4 >= 0.5
  });

  it('slides: only the last windowSize calls count', () => {
    const s = new CountWindowStrategy({ windowSize: 3, minimumCalls: 3, failureRateThreshold: 1 });
    s.record(fail);
    s.record(fail);
    expect(s.record(ok)).toBeUndefined(); // 2/3
    expect(s.record(fail)).toBeUndefined(); // fail ok fail
    expect(s.record(fail)).toBeUndefined(); // ok fail fail
    expect(s.record(fail)).toBeDefined(); // fail fail fail
  });

  it('reset empties the window', () => {
    const s = new CountWindowStrategy({ windowSize: 3, minimumCalls: 2, failureRateThreshold: 0.5 });
    s.record(fail);
    s.reset();
    expect(s.record(fail)).toBeUndefined();
    expect(s.record(ok)).toBeDefined(); // 1/2 >= 0.5
  });
});
