import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock.ts';

describe('ManualClock', () => {
  it('fires timers in due order as time advances and not before', async () => {
    const clock = new ManualClock();
    const fired: string[] = [];
    clock.setTimer(30, () => fired.push('b'));
    clock.setTimer(10, () => fired.push('a'));
    clock.setTimer(30, () => fired.push('c'));
    await clock.advance(9);
    expect(fired).toEqual([]);
    await clock.advance(21);
    expect(fired).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(30);
  });

  it('whenTimer resolves for a matching timer already pending or set later, not for others', async () => {
    const clock = new ManualClock(100);
    clock.setTimer(50, () => {});
    expect(await clock.whenTimer()).toBe(150);
    let seen: number | undefined;
    const later = clock
      .whenTimer((at) => at === 1_100)
      .then((at) => {
        seen = at;
      });
    clock.setTimer(200, () => {});
    await Promise.resolve();
    expect(seen).toBeUndefined();
    clock.setTimer(1_000, () => {});
    await later;
    expect(seen).toBe(1_100);
  });

  it('lets async code chained on sleep progress within one advance', async () => {
    const clock = new ManualClock();
    const seen: number[] = [];
    const task = (async () => {
      await clock.sleep(5);
      seen.push(clock.now());
      await clock.sleep(5);
      seen.push(clock.now());
    })();
    await clock.advance(10);
    await task;
    expect(seen).toEqual([5, 10]);
  });

  it('rejects sleep with the abort reason and cancels its timer', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(100, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pendingTimers).toBe(0);
  });
});
