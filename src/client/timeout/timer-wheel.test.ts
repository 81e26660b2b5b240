import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/manual-clock.ts';
import { TimerWheel, type WheelEntry } from './timer-wheel.ts';

function entry(log: string[], name: string): WheelEntry {
  return {
    wheelSlot: undefined,
    wheelPrev: undefined,
    wheelNext: undefined,
    onWheelTimeout: () => log.push(name),
  };
}

describe('TimerWheel', () => {
  it('fires entries in due order, never early, at most one resolution late', async () => {
    const clock = new ManualClock();
    const wheel = new TimerWheel(clock, 10);
    const log: string[] = [];
    wheel.schedule(entry(log, 'b'), 25);
    wheel.schedule(entry(log, 'a'), 5);
    wheel.schedule(entry(log, 'c'), 30);
    await clock.advance(4);
    expect(log).toEqual([]);
    await clock.advance(6); // t = 10: 'a' (due 5) fires on its slot boundary
    expect(log).toEqual(['a']);
    await clock.advance(14); // t = 24: 'b' not yet due
    expect(log).toEqual(['a']);
    await clock.advance(6); // t = 30
    expect(log).toEqual(['a', 'b', 'c']);
    expect(wheel.size).toBe(0);
  });

  it('uses one clock timer for many entries and none once they are all done', async () => {
    const clock = new ManualClock();
    const wheel = new TimerWheel(clock, 10);
    const log: string[] = [];
    const entries = Array.from({ length: 100 }, (_, i) => entry(log, `e${i}`));
    for (const [i, e] of entries.entries()) wheel.schedule(e, 100 + i);
    expect(clock.pendingTimers).toBe(1);
    for (const e of entries) wheel.cancel(e);
    expect(wheel.size).toBe(0);
    await clock.runAll();
    expect(log).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('re-arms for an earlier entry and cancels cleanly on close', async () => {
    const clock = new ManualClock();
    const wheel = new TimerWheel(clock, 10);
    const log: string[] = [];
    wheel.schedule(entry(log, 'late'), 1000);
    wheel.schedule(entry(log, 'early'), 50);
    await clock.advance(50);
    expect(log).toEqual(['early']);
    expect(clock.pendingTimers).toBe(1);
    wheel.close();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(2000);
    expect(log).toEqual(['early']);
  });

  it('moves a rescheduled entry instead of firing it twice', async () => {
    const clock = new ManualClock();
    const wheel = new TimerWheel(clock, 1);
    const log: string[] = [];
    const e = entry(log, 'x');
    wheel.schedule(e, 10);
    wheel.schedule(e, 40);
    await clock.advance(20);
    expect(log).toEqual([]);
    await clock.advance(20);
    expect(log).toEqual(['x']);
    expect(wheel.size).toBe(0);
  });

  it('a timeout that cancels another entry of its slot keeps that one from firing', async () => {
    const clock = new ManualClock();
    const wheel = new TimerWheel(clock, 10);
    const log: string[] = [];
    const b = entry(log, 'b');
    const a: WheelEntry = {
      ...entry(log, 'a'),
      onWheelTimeout: () => {
        log.push('a');
        wheel.cancel(b);
      },
    };
    wheel.schedule(a, 10);
    wheel.schedule(b, 10);
    wheel.schedule(entry(log, 'c'), 10);
    await clock.advance(10);
    expect(log).toEqual(['a', 'c']);
    expect(wheel.size).toBe(0);
  });

  it('cancelling from the middle, the head and the tail keeps the order of the rest', async () => {
    const clock = new ManualClock();
    const wheel = new TimerWheel(clock, 10);
    const log: string[] = [];
    const entries = ['e0', 'e1', 'e2', 'e3', 'e4'].map((name) => entry(log, name));
    for (const e of entries) wheel.schedule(e, 20);
    wheel.cancel(entries[2]!);
    wheel.cancel(entries[0]!);
    wheel.cancel(entries[4]!);
    expect(wheel.size).toBe(2);
    await clock.advance(20);
    expect(log).toEqual(['e1', 'e3']);
  });
});
