import { type HypothesisFold, ratio } from './hypothesis-fold.ts';

/**
 * `attemptsPerCall: { max }`: retry amplification, attempts that reached the transport per
 * call (a short-circuited call counts 0 attempts). No calls fails: nothing was proven.
 */
export function attemptsPerCallFold(spec: { max: number }): HypothesisFold {
  let calls = 0;
  let attempts = 0;
  return {
    observe(event) {
      if (event.type !== 'call') return;
      calls++;
      attempts += event.attempts;
    },
    verdict() {
      return {
        expected: `attempts per call <= ${spec.max}`,
        observed:
          calls === 0 ? 'no calls' : `${ratio(attempts, calls)} (${attempts} attempts / ${calls} calls)`,
        pass: calls > 0 && attempts / calls <= spec.max,
      };
    },
  };
}
