import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { FaultlineError } from '../../errors/faultline-error.ts';
import type { ManualClock } from '../../time/manual-clock.ts';
import { gatesBusy } from '../load/macrotask-gate.ts';

/** Macrotask turns with no progress before the loop calls the program idle. */
const IDLE_TURNS = 3;

/**
 * Runs `task` (a scenario on `clock`) to completion in virtual time: whenever the program is
 * idle (no promise callback or macrotask left to run for a few turns) the clock jumps to the
 * next timer and fires it. Nothing else moves the clock, so a run makes the same choices in
 * the same order for a seed, and a minutes-long scenario takes as long as its computation.
 *
 *   loop: settle pending work --> next timer? --yes--> advance clock to it, fire it
 *                                    |no
 *                                    v
 *                         task done? otherwise it waits on nothing: a deadlock
 *
 * @example
 * const clock = new ManualClock();
 * await runInVirtualTime(clock, runPhases(clock)); // 60 virtual seconds in milliseconds
 */
export async function runInVirtualTime<T>(clock: ManualClock, task: Promise<T>): Promise<T> {
  let settled = false;
  const watched = task.finally(() => {
    settled = true;
  });
  watched.catch(() => {});
  let stalls = 0;
  while (!settled) {
    // Work queued at a load gate (very high concurrency) is not idleness: turn until it ran.
    for (let i = 0; (i < IDLE_TURNS || gatesBusy()) && !settled; i++) await nextMacrotask();
    if (settled) break;
    const next = clock.nextTimerAt();
    if (next === undefined) {
      // No timer and not done: the task waits on something that is not the clock (real I/O,
      // e.g. the event log). Give it real time before calling it a deadlock.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (!settled && clock.nextTimerAt() === undefined && ++stalls > 200) {
        throw new FaultlineError(
          'FAULTLINE_VIRTUAL_TIME_STALLED',
          'Failed to run the scenario in virtual time: it waits on something other than the clock. ' +
            'Use mode: real for this scenario.',
        );
      }
      continue;
    }
    stalls = 0;
    await clock.advanceTo(next);
  }
  return watched;
}
