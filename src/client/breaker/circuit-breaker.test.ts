import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/manual-clock.ts';
import type { BreakerOptions } from '../client-types.ts';
import { type BreakerTransition, CircuitBreaker } from './circuit-breaker.ts';

function setup(options: BreakerOptions = {}) {
  const clock = new ManualClock();
  const breaker = new CircuitBreaker({ failureThreshold: 2, resetTimeoutMs: 1_000, ...options }, clock);
  const transitions: BreakerTransition[] = [];
  breaker.onStateChange((t) => transitions.push(t));
  const fail = () => breaker.tryAcquire()!.failure(1);
  const succeed = () => breaker.tryAcquire()!.success(1);
  return { clock, breaker, transitions, fail, succeed };
}

const path = (ts: BreakerTransition[]) => ts.map((t) => `${t.from}->${t.to}`);

describe('CircuitBreaker', () => {
  it('opens at the threshold, short-circuits until the reset timeout', async () => {
    const { breaker, clock, fail, transitions } = setup();
    fail();
    expect(breaker.state).toBe('closed');
    fail();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBeUndefined();
    expect(breaker.remainingOpenMs()).toBe(1_000);
    await clock.advance(999);
    expect(breaker.tryAcquire()).toBeUndefined();
    expect(breaker.remainingOpenMs()).toBe(1);
    await clock.advance(1);
    expect(breaker.state).toBe('half-open');
    expect(path(transitions)).toEqual(['closed->open', 'open->half-open']);
    expect(transitions[0]!.at).toBe(0);
    expect(transitions[1]!.at).toBe(1_000);
  });

  it('half-open admits at most halfOpenMaxCalls probes; ignore frees a slot', async () => {
    const { breaker, clock, fail } = setup({ halfOpenMaxCalls: 2, halfOpenSuccesses: 2 });
    fail();
    fail();
    await clock.advance(1_000);
    const a = breaker.tryAcquire();
    const b = breaker.tryAcquire();
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(breaker.tryAcquire()).toBeUndefined();
    a!.ignore();
    const c = breaker.tryAcquire();
    expect(c).toBeDefined();
    b!.success(1);
    expect(breaker.state).toBe('half-open'); // 1 of 2 successes
    c!.success(1);
    expect(breaker.state).toBe('closed');
  });

  it('any failed probe reopens for another reset timeout', async () => {
    const { breaker, clock, fail, transitions } = setup({ halfOpenMaxCalls: 3 });
    fail();
    fail();
    await clock.advance(1_000);
    const a = breaker.tryAcquire()!;
    const b = breaker.tryAcquire()!;
    a.failure(1);
    expect(breaker.state).toBe('open');
    b.success(1); // stale: issued in the half-open circuit that no longer exists
    expect(breaker.state).toBe('open');
    expect(breaker.remainingOpenMs()).toBe(1_000);
    expect(path(transitions)).toEqual(['closed->open', 'open->half-open', 'half-open->open']);
  });

  it('stale results never change the state', async () => {
    const { breaker, clock, fail } = setup({ halfOpenSuccesses: 1 });
    const old = breaker.tryAcquire()!;
    const oldFailure = breaker.tryAcquire()!;
    fail();
    fail();
    await clock.advance(1_000);
    expect(breaker.state).toBe('half-open');
    old.success(1); // from the closed circuit: must not close the half-open one
    expect(breaker.state).toBe('half-open');
    const probe = breaker.tryAcquire()!;
    probe.success(1);
    expect(breaker.state).toBe('closed');
    oldFailure.failure(1); // from the first closed circuit: must not count now
    fail();
    expect(breaker.state).toBe('closed');
  });

  it('a permit reports once; extra calls are no-ops', () => {
    const { breaker } = setup({ failureThreshold: 2 });
    const p = breaker.tryAcquire()!;
    p.failure(1);
    p.failure(1);
    p.failure(1);
    expect(breaker.state).toBe('closed');
  });

  it('ignored outcomes never open', () => {
    const { breaker } = setup({ failureThreshold: 1 });
    for (let i = 0; i < 10; i++) breaker.tryAcquire()!.ignore();
    expect(breaker.state).toBe('closed');
  });

  it('closing resets the counts', async () => {
    const { breaker, clock, fail, succeed } = setup({ failureThreshold: 2 });
    fail();
    fail();
    await clock.advance(1_000);
    succeed();
    expect(breaker.state).toBe('closed');
    fail();
    expect(breaker.state).toBe('closed'); // 1 of 2 again
  });

  it('isolate holds it open until reset; each transition emitted once', async () => {
    const { breaker, clock, transitions } = setup();
    breaker.isolate();
    breaker.isolate();
    expect(breaker.state).toBe('isolated');
    expect(breaker.tryAcquire()).toBeUndefined();
    expect(breaker.remainingOpenMs()).toBe(Number.POSITIVE_INFINITY);
    await clock.advance(100_000);
    expect(breaker.state).toBe('isolated');
    breaker.reset();
    expect(breaker.state).toBe('closed');
    breaker.reset();
    expect(path(transitions)).toEqual(['closed->isolated', 'isolated->closed']);
    expect(transitions.map((t) => t.reason)).toEqual(['isolated', 'reset']);
  });

  it('reset while closed forgets counts and in-flight permits without emitting', () => {
    const { breaker, transitions } = setup({ failureThreshold: 2 });
    const inflight = breaker.tryAcquire()!;
    breaker.tryAcquire()!.failure(1);
    breaker.reset();
    inflight.failure(1);
    breaker.tryAcquire()!.failure(1);
    expect(breaker.state).toBe('closed');
    expect(transitions).toEqual([]);
  });

  it('slow-call-rate: slow successes open; a slow probe reopens', async () => {
    const { breaker, clock } = setup({
      strategy: 'slow-call-rate',
      minimumCalls: 2,
      slowCallDurationMs: 100,
      slowCallRateThreshold: 1,
    });
    breaker.tryAcquire()!.success(100);
    expect(breaker.state).toBe('closed');
    breaker.tryAcquire()!.success(150);
    expect(breaker.state).toBe('open');
    await clock.advance(1_000);
    breaker.tryAcquire()!.success(100);
    expect(breaker.state).toBe('open');
    await clock.advance(1_000);
    breaker.tryAcquire()!.success(99);
    expect(breaker.state).toBe('closed');
  });

  it('time-window: counts only results within the window', async () => {
    const { breaker, clock } = setup({ strategy: 'time-window', windowMs: 1_000, minimumCalls: 2 });
    breaker.tryAcquire()!.failure(1);
    await clock.advance(1_000);
    breaker.tryAcquire()!.failure(1);
    expect(breaker.state).toBe('closed');
    breaker.tryAcquire()!.failure(1);
    expect(breaker.state).toBe('open');
  });

  it('count-window: opens on the rate over the last windowSize calls', () => {
    const { breaker } = setup({ strategy: 'count-window', windowSize: 4, minimumCalls: 4 });
    breaker.tryAcquire()!.success(1);
    breaker.tryAcquire()!.success(1);
    breaker.tryAcquire()!.failure(1);
    expect(breaker.state).toBe('closed');
    breaker.tryAcquire()!.failure(1);
    expect(breaker.state).toBe('open');
  });

  it('resetTimeoutMs 0 goes straight to half-open', () => {
    const { breaker, fail } = setup({ resetTimeoutMs: 0 });
    fail();
    fail();
    expect(breaker.state).toBe('half-open');
  });
});
