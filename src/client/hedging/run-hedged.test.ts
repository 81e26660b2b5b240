import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../time/manual-clock.ts';
import { type HedgeLeg, runHedged } from './run-hedged.ts';

interface Leg extends HedgeLeg<number> {
  resolve(v: number): void;
  reject(e: Error): void;
  aborted?: Error;
}

function makeLeg(): Leg {
  let resolve!: (v: number) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<number>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const leg: Leg = {
    promise,
    resolve,
    reject,
    abort(reason) {
      leg.aborted = reason;
      reject(reason);
    },
  };
  return leg;
}

function setup(opts: { budget?: number; maxHedges?: number } = {}) {
  const clock = new ManualClock();
  const legs: Leg[] = [];
  let budget = opts.budget ?? 10;
  const result = runHedged<number>({
    clock,
    delayMs: 100,
    maxHedges: opts.maxHedges ?? 1,
    launch: () => {
      const leg = makeLeg();
      legs.push(leg);
      return leg;
    },
    isSuccess: (v) => v < 500,
    mayHedge: () => budget-- > 0,
    loserReason: () => new Error('lost'),
  });
  return { clock, legs, result };
}

describe('runHedged', () => {
  it('returns the first leg without a hedge when it answers before the delay', async () => {
    const { clock, legs, result } = setup();
    await clock.advance(50);
    legs[0]!.resolve(200);
    await expect(result).resolves.toEqual({ value: 200, leg: 0, legs: 1 });
    await clock.advance(100);
    expect(legs).toHaveLength(1);
  });

  it('sends a hedge after the delay; the first success wins and the loser is aborted', async () => {
    const { clock, legs, result } = setup();
    await clock.advance(100);
    expect(legs).toHaveLength(2);
    legs[1]!.resolve(200);
    await expect(result).resolves.toEqual({ value: 200, leg: 1, legs: 2 });
    expect(legs[0]!.aborted?.message).toBe('lost');
  });

  it('a failing leg waits for the other; both failing ends with the last failure', async () => {
    const { clock, legs, result } = setup();
    await clock.advance(100);
    legs[0]!.resolve(503);
    await clock.advance(1);
    legs[1]!.reject(new Error('reset'));
    await expect(result).rejects.toThrow('reset');
  });

  it('a failure while the hedge is pending settles the other leg too', async () => {
    const { clock, legs, result } = setup();
    await clock.advance(100);
    legs[0]!.resolve(503);
    legs[1]!.resolve(201);
    await expect(result).resolves.toMatchObject({ value: 201, leg: 1 });
  });

  it('sends no hedge when the budget refuses, and at most maxHedges', async () => {
    const refused = setup({ budget: 0 });
    await refused.clock.advance(500);
    expect(refused.legs).toHaveLength(1);
    refused.legs[0]!.resolve(200);
    await refused.result;

    const capped = setup({ maxHedges: 2 });
    await capped.clock.advance(1_000);
    expect(capped.legs).toHaveLength(3);
    capped.legs[2]!.resolve(200);
    await capped.result;
    expect(capped.clock.pendingTimers).toBe(0);
  });
});
