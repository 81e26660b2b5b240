import { type HypothesisFold, ratio } from './hypothesis-fold.ts';

/**
 * `attemptsPerCall: { max }`: retry amplification, attempts that reached the transport per
 * call (a short-circuited call counts 0 attempts). No calls fails: nothing was proven; a
 * call whose client reported no attempt count makes it inconclusive (never 1 by default).
 */
export function attemptsPerCallFold(spec: { max: number }): HypothesisFold {
  let calls = 0;
  let attempts = 0;
  let unreported = 0;
  return {
    observe(event) {
      if (event.type !== 'call') return;
      calls++;
      if (event.attempts === undefined) unreported++;
      else attempts += event.attempts;
    },
    verdict() {
      if (unreported > 0)
        return {
          expected: `attempts per call <= ${spec.max}`,
          observed: `inconclusive: the client reported no attempt count for ${unreported} of ${calls} calls (CallOutcome.attempts)`,
          pass: false,
        };
      return {
        expected: `attempts per call <= ${spec.max}`,
        observed:
          calls === 0 ? 'no calls' : `${ratio(attempts, calls)} (${attempts} attempts / ${calls} calls)`,
        pass: calls > 0 && attempts / calls <= spec.max,
      };
    },
  };
}
