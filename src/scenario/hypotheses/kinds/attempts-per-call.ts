import { type HypothesisFold, ratio } from './hypothesis-fold.ts';

/**
 * `attemptsPerCall: { max }`: retry amplification, attempts per call. With a wire log the
 * attempts are the requests that reached the wire (hedges included, whatever the client
 * says); without one, the attempts the client reports (a short-circuited call counts 0).
 * No calls fails: nothing was proven.
 */
export function attemptsPerCallFold(spec: { max: number }): HypothesisFold {
  let calls = 0;
  let reported = 0;
  let onWire = 0;
  return {
    observe(event) {
      if (event.type === 'wire') onWire++;
      if (event.type !== 'call') return;
      calls++;
      reported += event.attempts;
    },
    verdict(scope) {
      const wire = scope.hasWireLog;
      const attempts = wire ? onWire : reported;
      const source = wire ? 'requests on the wire' : 'attempts reported by the client';
      return {
        expected: `attempts per call <= ${spec.max}`,
        observed:
          calls === 0 ? 'no calls' : `${ratio(attempts, calls)} (${attempts} ${source} / ${calls} calls)`,
        pass: calls > 0 && attempts / calls <= spec.max,
        evidence: wire ? 'wire' : 'client',
      };
    },
  };
}
