import type { Cancel, Clock } from '../../time/clock.ts';

/** One attempt of a hedged race: its result and a way to cancel it. */
export interface HedgeLeg<T> {
  promise: Promise<T>;
  abort(reason: Error): void;
}

export interface HedgedRace<T> {
  clock: Pick<Clock, 'setTimer'>;
  /** Delay before each further leg, ms. */
  delayMs: number;
  /** Legs at most beyond the first. */
  maxHedges: number;
  /** Starts leg `index` (0 = the original attempt). */
  launch(index: number): HedgeLeg<T>;
  /** A resolved value that is not a success (a 5xx) does not win the race. */
  isSuccess(value: T): boolean;
  /** Asked before each hedge; charging the retry budget here bounds the extra load. */
  mayHedge(): boolean;
  /** The reason losers are aborted with. */
  loserReason(): Error;
}

/** How the race ended. */
export interface HedgedResult<T> {
  value: T;
  /** Index of the leg whose result this is. */
  leg: number;
  /** Legs started. */
  legs: number;
}

/**
 * Races an attempt against hedges started every `delayMs` while it has not answered:
 *
 * ```
 *   leg 0 ──────────────x (aborted)
 *           delay ─► leg 1 ─────✓ wins
 * ```
 *
 * The first leg to succeed wins and every other leg is aborted. A leg that fails while
 * others run is set aside; when every started leg has failed the race ends at once (no
 * hedge is sent after a failure: that is the retry policy's job, with its backoff) with
 * the last failure (a rejection, or the last non-success value) so the retry
 * policy sees an ordinary failed attempt.
 *
 * @example
 * const { value } = await runHedged({ clock, delayMs: 50, maxHedges: 1, launch, isSuccess, mayHedge, loserReason });
 */
export function runHedged<T>(race: HedgedRace<T>): Promise<HedgedResult<T>> {
  return new Promise<HedgedResult<T>>((resolve, reject) => {
    const legs: HedgeLeg<T>[] = [];
    let pending = 0;
    let done = false;
    let cancelTimer: Cancel | undefined;

    const finish = (leg: number, outcome: { value: T } | { error: unknown }) => {
      done = true;
      cancelTimer?.();
      legs.forEach((l, i) => {
        if (i !== leg) l.abort(race.loserReason());
      });
      if ('value' in outcome) resolve({ value: outcome.value, leg, legs: legs.length });
      else reject(outcome.error);
    };

    const start = () => {
      const index = legs.length;
      const leg = race.launch(index);
      legs.push(leg);
      pending++;
      leg.promise.then(
        (value) => {
          pending--;
          if (done) return;
          if (race.isSuccess(value) || pending === 0) finish(index, { value });
        },
        (error: unknown) => {
          pending--;
          if (done) return;
          if (pending === 0) finish(index, { error });
        },
      );
      armHedge();
    };

    const armHedge = () => {
      cancelTimer = undefined;
      if (legs.length > race.maxHedges) return;
      cancelTimer = race.clock.setTimer(race.delayMs, () => {
        cancelTimer = undefined;
        if (done) return;
        if (race.mayHedge()) start();
      });
    };

    start();
  });
}
