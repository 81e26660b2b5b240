import { describeBounds, withinBounds } from '../hypothesis-spec.ts';
import { type HypothesisFold, ratio } from './hypothesis-fold.ts';

/** `successRate: { min?, max? }`: ok calls / calls. No calls at all fails: nothing was proven. */
export function successRateFold(bounds: { min?: number; max?: number }): HypothesisFold {
  let calls = 0;
  let ok = 0;
  return {
    observe(event) {
      if (event.type !== 'call') return;
      calls++;
      if (event.outcome === 'ok') ok++;
    },
    verdict() {
      return {
        expected: `success rate ${describeBounds(bounds)}`,
        observed: calls === 0 ? 'no calls' : `${ratio(ok, calls)} (${ok}/${calls} calls ok)`,
        pass: calls > 0 && withinBounds(ok / calls, bounds),
      };
    },
  };
}
