import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, setLongTimer } from './long-timer.ts';
import { latencyToxic } from './toxics/latency.ts';
import { NodeTimerClock } from './toxics/node-timer-clock.ts';
import { timeoutToxic } from './toxics/timeout.ts';
import { ToxicHarness } from './toxics/toxic-harness.ts';

describe('setLongTimer', () => {
  it('waits the whole delay beyond 2^31−1 ms by chaining timers', async () => {
    const clock = new NodeTimerClock();
    let fired = false;
    setLongTimer(clock, 3 * MAX_TIMER_MS + 5, () => {
      fired = true;
    });
    await clock.advance(3 * MAX_TIMER_MS + 4);
    expect(fired).toBe(false);
    await clock.advance(1);
    expect(fired).toBe(true);
  });

  it('cancels whichever link of the chain is pending', async () => {
    const clock = new NodeTimerClock();
    let fired = false;
    const cancel = setLongTimer(clock, 2 * MAX_TIMER_MS + 5, () => {
      fired = true;
    });
    await clock.advance(MAX_TIMER_MS + 1);
    cancel();
    await clock.advance(2 * MAX_TIMER_MS);
    expect(fired).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('toxic delays beyond 2^31−1 ms', () => {
  it('latency 1e12 ms holds the chunk for 1e12 ms, not 1 ms', async () => {
    const h = new ToxicHarness(latencyToxic({ latency: 1e12, jitter: 0 }), 1, new NodeTimerClock());
    h.send('late');
    await h.clock.advance(1000);
    expect(h.taken()).toEqual([]);
    await h.clock.advanceTo(1e12);
    expect(h.taken()).toEqual(['late']);
  });

  it('timeout 2^31 ms closes after 2^31 ms, not 1 ms', async () => {
    const h = new ToxicHarness(timeoutToxic({ timeout: 2 ** 31 }), 1, new NodeTimerClock());
    h.send('dropped');
    await h.clock.advance(2 ** 31 - 1);
    expect(h.taken()).toEqual([]);
    await h.clock.advance(1);
    expect(h.taken()).toEqual([null]);
  });
});
