import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/manual-clock.ts';
import { RetryBudget } from './retry-budget.ts';

describe('RetryBudget', () => {
  it('grants the floor with no traffic, then refuses', () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0.2, minRetriesPerWindow: 3, windowMs: 1_000 }, clock);
    expect(budget.available).toBe(3);
    expect([budget.tryAcquire(), budget.tryAcquire(), budget.tryAcquire()]).toEqual([true, true, true]);
    expect(budget.tryAcquire()).toBe(false);
    expect(budget.available).toBe(0);
  });

  it('adds ratio * calls to the floor', () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0.5, minRetriesPerWindow: 0, windowMs: 1_000 }, clock);
    for (let i = 0; i < 9; i++) budget.recordCall();
    expect(budget.available).toBe(4); // floor(4.5)
    let granted = 0;
    while (budget.tryAcquire()) granted++;
    expect(granted).toBe(4);
    budget.recordCall(); // 10 calls -> 5 allowed
    expect(budget.tryAcquire()).toBe(true);
    expect(budget.tryAcquire()).toBe(false);
  });

  it('a refused retry is not charged', () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0, minRetriesPerWindow: 1, windowMs: 1_000 }, clock);
    expect(budget.tryAcquire()).toBe(true);
    expect(budget.tryAcquire()).toBe(false);
    expect(budget.tryAcquire()).toBe(false);
    // After the window the single retry expires: exactly one is available again.
    return clock.advance(1_100).then(() => {
      expect(budget.available).toBe(1);
    });
  });

  it('slides: calls and retries leave the window', async () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 1, minRetriesPerWindow: 0, windowMs: 1_000 }, clock);
    for (let i = 0; i < 5; i++) budget.recordCall();
    expect(budget.available).toBe(5);
    await clock.advance(500);
    expect(budget.available).toBe(5);
    // Calls are counted over the 10 most recent buckets only (a span inside the window).
    await clock.advance(500);
    expect(budget.available).toBe(0);
  });

  it('retries count over a span covering the window', async () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0, minRetriesPerWindow: 2, windowMs: 1_000 }, clock);
    await clock.advance(950);
    expect(budget.tryAcquire()).toBe(true);
    expect(budget.tryAcquire()).toBe(true);
    await clock.advance(999); // 1949: the retries at 950 are still within (949, 1949]
    expect(budget.tryAcquire()).toBe(false);
    await clock.advance(101); // 2050: retries at 950 are now two buckets beyond the window
    expect(budget.available).toBe(2);
  });
});
