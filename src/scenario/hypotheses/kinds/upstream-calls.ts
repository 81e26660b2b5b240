import { describeBounds, withinBounds } from '../hypothesis-spec.ts';
import type { HypothesisFold } from './hypothesis-fold.ts';

/**
 * `upstreamCalls: { max?, min?, whileOpen? }`: attempts that reached the transport in the
 * scope; with `whileOpen`, only those started while the breaker was open or half-open
 * (the probes a healthy breaker lets through, and nothing more). With a wire log they are
 * the requests on the wire; without one, the attempts the client reports.
 */
export function upstreamCallsFold(spec: { max?: number; min?: number; whileOpen?: boolean }): HypothesisFold {
  let reported = 0;
  let onWire = 0;
  return {
    observe(event, scope) {
      if (event.type !== 'attempt' && event.type !== 'wire') return;
      if (!scope.contains(event)) return;
      if (spec.whileOpen) {
        const state = scope.stateAt(event.t);
        if (state !== 'open' && state !== 'half-open') return;
      }
      if (event.type === 'wire') onWire++;
      else reported++;
    },
    verdict(scope) {
      const wire = scope.hasWireLog;
      const attempts = wire ? onWire : reported;
      const what = spec.whileOpen ? 'upstream calls while the breaker is open/half-open' : 'upstream calls';
      return {
        expected: `${what} ${describeBounds(spec)}`,
        observed: `${attempts} ${what} (${wire ? 'on the wire' : 'reported by the client'})`,
        pass: withinBounds(attempts, spec),
        evidence: wire ? ('wire' as const) : ('client' as const),
      };
    },
  };
}
