import { describeBounds, withinBounds } from '../hypothesis-spec.ts';
import { type HypothesisFold, ratio } from './hypothesis-fold.ts';

/**
 * `upstreamShare: { endpoint, min?, max? }`: of the attempts that reached the transport in
 * the scope, the fraction sent to upstream instance `endpoint` (1-based) is within the
 * bounds. Attempt records carry `endpoint` when the client reports the origin it used
 * (AttemptEvent.origin); when none does, the verdict fails as inconclusive rather than
 * passing on no evidence, and so does a scope without attempts.
 */
export function upstreamShareFold(spec: { endpoint: number; min?: number; max?: number }): HypothesisFold {
  let attempts = 0;
  let located = 0;
  let toEndpoint = 0;
  return {
    observe(event) {
      if (event.type !== 'attempt') return;
      attempts++;
      if (event.endpoint === undefined) return;
      located++;
      if (event.endpoint === spec.endpoint) toEndpoint++;
    },
    verdict() {
      const expected = `share of upstream attempts to endpoint ${spec.endpoint} ${describeBounds(spec)}`;
      if (attempts === 0) return { expected, observed: 'no upstream attempts', pass: false };
      if (located === 0) {
        return {
          expected,
          observed: `inconclusive: none of ${attempts} attempts reported its endpoint (AttemptEvent.origin)`,
          pass: false,
        };
      }
      return {
        expected,
        observed: `${ratio(toEndpoint, located)} (${toEndpoint} of ${located} attempts went to endpoint ${spec.endpoint})`,
        pass: withinBounds(toEndpoint / located, spec),
      };
    },
  };
}
