import { type HypothesisFold, ratio } from './hypothesis-fold.ts';

/**
 * `attemptsPerCall: { max }`: retry amplification, attempts per call. With a wire log the
 * attempts are the requests that reached the wire (hedges included, whatever the client
 * says); without one, the attempts the client reports (a short-circuited call counts 0), and
 * a call whose client reported no attempt count makes it inconclusive (never 1 by default).
 * No calls fails: nothing was proven.
 */
export function attemptsPerCallFold(spec: { max: number }): HypothesisFold {
  let calls = 0;
  let reported = 0;
  /** Calls whose client reported no attempt count. */
  let unreported = 0;
  /** Untagged requests on the wire in the scope (counted by arrival). */
  let untagged = 0;
  /** Tagged requests per call, and whether the call started in the scope. */
  const perCall = new Map<string, { requests: number; inScope: boolean }>();
  const entry = (call: string) => {
    let e = perCall.get(call);
    if (!e) {
      e = { requests: 0, inScope: false };
      perCall.set(call, e);
    }
    return e;
  };
  return {
    observe(event, scope) {
      if (event.type === 'wire') {
        // A tagged request counts for its call's phase, even when a retry lands in the next one.
        if (event.call !== undefined) entry(event.call).requests++;
        else if (scope.contains(event)) untagged++;
        return;
      }
      if (event.type !== 'call') return;
      calls++;
      if (event.attempts === undefined) unreported++;
      else reported += event.attempts;
      if (event.call !== undefined) entry(event.call).inScope = true;
    },
    verdict(scope) {
      const expected = `attempts per call <= ${spec.max}`;
      const wire = scope.hasWireLog;
      if (!wire && unreported > 0)
        return {
          expected,
          observed: `inconclusive: the client reported no attempt count for ${unreported} of ${calls} calls (CallOutcome.attempts)`,
          pass: false,
          evidence: 'client',
        };
      let onWire = untagged;
      for (const e of perCall.values()) if (e.inScope) onWire += e.requests;
      const attempts = wire ? onWire : reported;
      const source = wire ? 'requests on the wire' : 'attempts reported by the client';
      return {
        expected,
        observed:
          calls === 0 ? 'no calls' : `${ratio(attempts, calls)} (${attempts} ${source} / ${calls} calls)`,
        pass: calls > 0 && attempts / calls <= spec.max,
        evidence: wire ? 'wire' : 'client',
      };
    },
  };
}
