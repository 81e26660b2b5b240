import { describe, expect, it } from 'vitest';
import { SlowCallRateStrategy } from './slow-call-rate-strategy.ts';

const slowOk = { failure: false, slow: true };
const fastOk = { failure: false, slow: false };
const fail = { failure: true, slow: false };
const o = { windowMs: 1_000, minimumCalls: 4, slowCallRateThreshold: 0.5, failureRateThreshold: 0.75 };

describe('SlowCallRateStrategy', () => {
  it('opens on the slow-call rate once minimumCalls were seen', () => {
    const s = new SlowCallRateStrategy(o);
    expect(s.record(slowOk, 0)).toBeUndefined();
    expect(s.record(slowOk, 1)).toBeUndefined();
    expect(s.record(fastOk, 2)).toBeUndefined();
    expect(s.record(fastOk, 3)).toMatch(/slow-call rate 2\/4/);
  });

  it('also opens on the failure rate', () => {
    const s = new SlowCallRateStrategy(o);
    s.record(fail, 0);
    s.record(fail, 1);
    s.record(fail, 2);
    expect(s.record(fastOk, 3)).toMatch(/failure rate 3\/4/);
  });

  it('slow calls leave the window', () => {
    const s = new SlowCallRateStrategy(o);
    s.record(slowOk, 0);
    s.record(slowOk, 1);
    s.record(fastOk, 1_001);
    expect(s.record(fastOk, 1_002)).toBeUndefined(); // only the calls at 1001 and 1002 remain: below minimumCalls
  });

  it('a slow probe fails', () => {
    const s = new SlowCallRateStrategy(o);
    expect(s.probeFailed(slowOk)).toBe(true);
    expect(s.probeFailed(fastOk)).toBe(false);
  });
});
