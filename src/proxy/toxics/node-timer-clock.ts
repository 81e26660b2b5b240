import type { Cancel } from '../../time/clock.ts';
import { ManualClock } from '../../time/manual-clock.ts';
import { MAX_TIMER_MS } from '../long-timer.ts';

/**
 * A ManualClock with the limits of Node's `setTimeout`: a delay below 1 ms, or above
 * 2^31−1 ms, fires after 1 ms. Unit tests use it to show what a toxic's timing costs on
 * real timers without waiting on them. Test support only.
 */
export class NodeTimerClock extends ManualClock {
  override setTimer(ms: number, fn: () => void): Cancel {
    return super.setTimer(ms >= 1 && ms <= MAX_TIMER_MS ? ms : 1, fn);
  }
}
