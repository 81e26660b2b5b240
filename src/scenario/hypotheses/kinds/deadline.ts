import type { HypothesisFold } from './hypothesis-fold.ts';

/** `deadline: { neverExceeded: true }`: no call took longer than its deadline. */
export function deadlineFold(): HypothesisFold {
  let calls = 0;
  let exceeded = 0;
  let worst = 0;
  let worstDeadline = 0;
  return {
    observe(event) {
      if (event.type !== 'call') return;
      calls++;
      if (event.deadlineExceeded) exceeded++;
      if (event.latencyMs - event.deadlineMs > worst - worstDeadline || calls === 1) {
        worst = event.latencyMs;
        worstDeadline = event.deadlineMs;
      }
    },
    verdict() {
      return {
        expected: 'no call exceeds its deadline',
        observed:
          calls === 0
            ? 'no calls'
            : `${exceeded} of ${calls} calls exceeded; slowest vs deadline ${round(worst)} ms / ${worstDeadline} ms`,
        pass: calls > 0 && exceeded === 0,
      };
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
