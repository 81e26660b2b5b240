import { describeBounds, withinBounds } from '../hypothesis-spec.ts';
import type { HypothesisFold } from './hypothesis-fold.ts';

/**
 * `upstreamCalls: { max?, min?, whileOpen? }`: attempts that reached the transport in the
 * scope; with `whileOpen`, only those started while the breaker was open or half-open
 * (the probes a healthy breaker lets through, and nothing more).
 */
export function upstreamCallsFold(spec: { max?: number; min?: number; whileOpen?: boolean }): HypothesisFold {
  let attempts = 0;
  return {
    observe(event, scope) {
      if (event.type !== 'attempt') return;
      if (spec.whileOpen) {
        const state = scope.stateAt(event.t);
        if (state !== 'open' && state !== 'half-open') return;
      }
      attempts++;
    },
    verdict() {
      const what = spec.whileOpen ? 'upstream calls while the breaker is open/half-open' : 'upstream calls';
      return {
        expected: `${what} ${describeBounds(spec)}`,
        observed: `${attempts} ${what}`,
        pass: withinBounds(attempts, spec),
      };
    },
  };
}
